/// How much colour the terminal shows.
public enum ColorMode: Sendable, Equatable {
  /// No colour: roles are told apart by bold, dim and reverse video alone.
  case monochrome
  /// The eight ANSI colours.
  case basic
  /// The 256-colour palette.
  case extended

  /// The mode to use, given what the user asked for and what the terminal can do.
  ///
  /// `--no-color`, or a non-empty `NO_COLOR` in the environment (see no-color.org), always wins.
  public static func choose(
    noColor: Bool, environment: [String: String], terminalColors: Int
  ) -> ColorMode {
    if noColor || !(environment["NO_COLOR"] ?? "").isEmpty { return .monochrome }
    if terminalColors >= 256 { return .extended }
    if terminalColors >= 8 { return .basic }
    return .monochrome
  }
}

/// Which background the colours are chosen for.
public enum Theme: String, CaseIterable, Sendable {
  /// A dark background: the terminal's usual look, and the default.
  case dark
  /// A white background, such as a projector's or a printed page: no yellow, no pale colours;
  /// every colour dark enough to read on white.
  case light
}

/// Text attributes a terminal can combine with a colour.
public struct TextAttributes: OptionSet, Sendable, Hashable {
  /// The bits.
  public let rawValue: UInt8
  /// Makes attributes from bits.
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Bold, or bright.
  public static let bold = TextAttributes(rawValue: 1 << 0)
  /// Reverse video.
  public static let reverse = TextAttributes(rawValue: 1 << 1)
  /// Half-bright.
  public static let dim = TextAttributes(rawValue: 1 << 2)
  /// Underlined.
  public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// How a cell looks on a particular terminal: a foreground colour and attributes.
public struct Appearance: Sendable, Hashable {
  /// The foreground colour as an index into the terminal's palette (0–7 ANSI, up to 255),
  /// or nil for the terminal's own foreground. The background is always the terminal's own.
  public var foreground: Int?
  /// Bold, reverse and the like.
  public var attributes: TextAttributes

  /// Makes an appearance.
  public init(foreground: Int? = nil, attributes: TextAttributes = []) {
    self.foreground = foreground
    self.attributes = attributes
  }
}

/// The mapping from what a cell means (its `Style`) to how it looks in each `ColorMode`.
///
/// Colour is only a second cue: the monochrome mapping alone keeps headings, memories,
/// highlights and warnings apart, and numbers carry their own sign.
public enum Palette {
  /// How a cell of `style` looks in `mode`, on the background `theme` is for. The style's own
  /// bold and reverse always apply; monochrome is the same in both themes.
  public static func appearance(
    of style: Style, in mode: ColorMode, theme: Theme = .dark
  ) -> Appearance {
    var look = base(style.role, mode, theme)
    if style.bold { look.attributes.insert(.bold) }
    if style.reverse { look.attributes.insert(.reverse) }
    return look
  }

  private static func base(_ role: StyleRole, _ mode: ColorMode, _ theme: Theme) -> Appearance {
    if case .color(let index) = role { return recorded(index, mode) }
    switch (mode, theme) {
    case (.monochrome, _): return monochrome(role)
    case (.basic, .dark): return basic(role)
    case (.extended, .dark): return extended(role)
    case (.basic, .light): return lightBasic(role)
    case (.extended, .light): return lightExtended(role)
    }
  }

  /// A colour a recording asked for (a replayed cast): itself in 256 colours, the nearest of
  /// the eight in basic colour, none in monochrome.
  private static func recorded(_ index: Int, _ mode: ColorMode) -> Appearance {
    switch mode {
    case .monochrome: return Appearance()
    case .extended: return Appearance(foreground: index)
    case .basic: return Appearance(foreground: TerminalColors.nearestBasic(to: index))
    }
  }

  private static func monochrome(_ role: StyleRole) -> Appearance {
    switch role {
    case .plain, .positive, .negative, .color: return Appearance()
    case .heading, .gate, .ltm, .stm: return Appearance(attributes: .bold)
    case .dim: return Appearance(attributes: .dim)
    case .highlight: return Appearance(attributes: .reverse)
    case .warning: return Appearance(attributes: [.bold, .reverse])
    }
  }

  // ANSI colour numbers.
  private static let red = 1
  private static let green = 2
  private static let yellow = 3
  private static let blue = 4
  private static let magenta = 5
  private static let cyan = 6

  private static func basic(_ role: StyleRole) -> Appearance {
    switch role {
    case .plain, .color: return Appearance()
    case .heading: return Appearance(foreground: cyan, attributes: .bold)
    case .dim: return Appearance(attributes: .dim)
    case .gate(.forget): return Appearance(foreground: yellow, attributes: .bold)
    case .gate(.input): return Appearance(foreground: cyan, attributes: .bold)
    case .gate(.candidate): return Appearance(foreground: magenta, attributes: .bold)
    case .gate(.output): return Appearance(foreground: blue, attributes: .bold)
    case .positive: return Appearance(foreground: green)
    case .negative: return Appearance(foreground: red)
    case .ltm: return Appearance(foreground: yellow)
    case .stm: return Appearance(foreground: cyan)
    case .highlight: return Appearance(attributes: .reverse)
    case .warning: return Appearance(foreground: red, attributes: [.bold, .reverse])
    }
  }

  private static func extended(_ role: StyleRole) -> Appearance {
    switch role {
    case .plain, .color: return Appearance()
    case .heading: return Appearance(foreground: 81, attributes: .bold)
    case .dim: return Appearance(foreground: 244)
    case .gate(.forget): return Appearance(foreground: 208, attributes: .bold)
    case .gate(.input): return Appearance(foreground: 44, attributes: .bold)
    case .gate(.candidate): return Appearance(foreground: 170, attributes: .bold)
    case .gate(.output): return Appearance(foreground: 69, attributes: .bold)
    case .positive: return Appearance(foreground: 71)
    case .negative: return Appearance(foreground: 203)
    case .ltm: return Appearance(foreground: 220)
    case .stm: return Appearance(foreground: 117)
    case .highlight: return Appearance(attributes: .reverse)
    case .warning: return Appearance(foreground: 203, attributes: [.bold, .reverse])
    }
  }

  // On white: the eight colours without yellow (and cyan, pale on most white terminals, only
  // where bold darkens nothing else); memories told apart by their own marks as well.
  private static func lightBasic(_ role: StyleRole) -> Appearance {
    switch role {
    case .plain, .color: return Appearance()
    case .heading: return Appearance(foreground: blue, attributes: .bold)
    case .dim: return Appearance(attributes: .dim)
    case .gate(.forget): return Appearance(foreground: red, attributes: .bold)
    case .gate(.input): return Appearance(foreground: green, attributes: .bold)
    case .gate(.candidate): return Appearance(foreground: magenta, attributes: .bold)
    case .gate(.output): return Appearance(foreground: blue, attributes: .bold)
    case .positive: return Appearance(foreground: green)
    case .negative: return Appearance(foreground: red)
    case .ltm: return Appearance(foreground: magenta)
    case .stm: return Appearance(foreground: blue)
    case .highlight: return Appearance(attributes: .reverse)
    case .warning: return Appearance(foreground: red, attributes: [.bold, .reverse])
    }
  }

  // On white, in 256 colours: each role's hue as in the dark theme, darkened until it reads on
  // white (a contrast of at least 4.5 : 1); the LTM's yellow becomes a dark amber.
  private static func lightExtended(_ role: StyleRole) -> Appearance {
    switch role {
    case .plain, .color: return Appearance()
    case .heading: return Appearance(foreground: 18, attributes: .bold)
    case .dim: return Appearance(foreground: 242)
    case .gate(.forget): return Appearance(foreground: 130, attributes: .bold)
    case .gate(.input): return Appearance(foreground: 23, attributes: .bold)
    case .gate(.candidate): return Appearance(foreground: 127, attributes: .bold)
    case .gate(.output): return Appearance(foreground: 25, attributes: .bold)
    case .positive: return Appearance(foreground: 28)
    case .negative: return Appearance(foreground: 160)
    case .ltm: return Appearance(foreground: 94)
    case .stm: return Appearance(foreground: 24)
    case .highlight: return Appearance(attributes: .reverse)
    case .warning: return Appearance(foreground: 160, attributes: [.bold, .reverse])
    }
  }
}
