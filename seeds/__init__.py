"""The report bundled with govkg (the seeds/ folder, installed as the package govkg.seeds)."""
