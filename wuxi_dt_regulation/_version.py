"""The release, in one place: the package and the command line read it, and so does the build."""

__version__ = "0.1.0"
