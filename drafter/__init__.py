"""Drafter (讲话稿起草助手): a desktop editor for Chinese government speeches."""

__version__ = "0.1.0"
