"""jetx_diag: honest diagnostics for JetX crash-game prediction models."""

__version__ = "0.1.0"
