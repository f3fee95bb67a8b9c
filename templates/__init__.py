"""Jinja2 templates shipped with jetx_diag (loaded with PackageLoader)."""
