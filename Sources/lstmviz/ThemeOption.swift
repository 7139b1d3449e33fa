import ArgumentParser
import LSTMScreen

extension Theme: ExpressibleByArgument {}

/// `--theme light|dark`: the colours for the background the screen is shown on, shared by
/// `render` (SVG and HTML, and `--cast`) and the interactive program.
struct ThemeOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "dark (the default) or light, for a white background such as a projector's.",
      discussion: """
        light uses no yellow and no pale colour; every number still carries its sign. \
        NO_COLOR and --no-color still turn colour off.
        """))
  var theme: Theme = .dark
}
