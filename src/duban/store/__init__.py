"""Storage: the only package that imports SQLAlchemy.

``db`` builds engines and sessions from a URL, ``tables`` holds the ORM rows,
``schema`` creates or migrates a database (Alembic, ``migrations/``), and
``repo`` has the keyword-only reads and writes the CLI and the web call.
"""
