"""Headless Chromium helpers for the browser tests and scripts/bench_browser.py (Playwright driving Debian's
chromium; axe-core from the lock file beside this file)."""
