"""The one error type the CLI turns into a one-line message and a non-zero exit."""


class GovkgError(Exception):
    """A problem with the user's input or environment, said in one line.

    >>> str(GovkgError("report.txt: file is empty"))
    'report.txt: file is empty'
    """
