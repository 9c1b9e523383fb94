"""The editor's logic without Qt: outline operations, the open session, find/replace
matching, the checks runner's bookkeeping, and ``EditorLogic`` which applies every named
edit to the Draft and hands the window (a narrow ``EditorView``) the blocks that changed.

Tests drive all of it without a window (tests/editing); drafter/gui only draws and forwards
key presses."""
