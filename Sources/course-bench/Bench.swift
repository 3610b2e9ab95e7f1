import Tensors
import ArgumentParser

@main
struct Bench: ParsableCommand {}
