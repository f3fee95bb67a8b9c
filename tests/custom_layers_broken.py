"""A training script that exits when imported (``sys.exit`` at module level): importing it for
``--custom-objects`` must give an input error, not end jetx-diag."""

import sys

sys.exit("train.py: missing --epochs")
