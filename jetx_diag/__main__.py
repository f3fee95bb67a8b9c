"""``python -m jetx_diag`` runs the command-line interface."""

from jetx_diag.cli.main import main

if __name__ == "__main__":
    main()
