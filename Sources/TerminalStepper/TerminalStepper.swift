/// The TerminalStepper module; see the design for its role.
public enum TerminalStepperModule {}
