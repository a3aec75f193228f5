"""Allow `python -m interview_tui`."""

from interview_tui.cli.main import main

if __name__ == "__main__":
    main()
