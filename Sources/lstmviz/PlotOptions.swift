import ArgumentParser
import LSTMScreen

/// `--plain-plots`: plots in plain marks rather than braille, shared by `render` and the
/// interactive program.
struct PlotOptions: ParsableArguments {
  @Flag(
    help: ArgumentHelp(
      "Draw the history plot in plain marks (● ○ ◆ ·) rather than braille dots.",
      discussion: """
        Braille gives four dots a row; some projector fonts and GIF converters lack it.
        """))
  var plainPlots = false

  /// How the screen draws its plots.
  var screenOptions: ScreenOptions {
    ScreenOptions(plotGlyphs: plainPlots ? .plain : .braille)
  }
}
