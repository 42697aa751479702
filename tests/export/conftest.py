from tests.store.helpers import ledger, ledger_url  # noqa: F401  (fixtures)
