// TerminalStepper: the terminal renderer. It lays out a lesson's prose, code and math for the
// terminal's width, draws figures with kitty, iTerm2 or sixel images, half blocks or braille,
// shows training progress, and steps through cells on keys; `--plain` prints the same without
// escape codes. It asks a runner to execute cells and never computes them itself.
