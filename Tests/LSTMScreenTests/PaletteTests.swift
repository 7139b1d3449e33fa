import LSTMCore
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

@Suite struct PaletteTests {
  static let roles: [StyleRole] =
    [.plain, .heading, .dim, .positive, .negative, .ltm, .stm, .highlight, .warning]
    + Gate.allCases.map { StyleRole.gate($0) }

  @Test func monochromeUsesNoColourAtAll() {
    for role in Self.roles {
      #expect(Palette.appearance(of: Style(role), in: .monochrome).foreground == nil)
    }
  }

  @Test func monochromeStillTellsTheRolesApart() {
    func look(_ role: StyleRole) -> TextAttributes {
      Palette.appearance(of: Style(role), in: .monochrome).attributes
    }
    #expect(look(.plain) == [])
    #expect(look(.heading) == .bold)
    #expect(look(.dim) == .dim)
    #expect(look(.highlight) == .reverse)
    #expect(look(.warning) == [.bold, .reverse])
    for gate in Gate.allCases { #expect(look(.gate(gate)) == .bold) }
    // Signs are told by the digits' own "-", never by colour alone.
    #expect(look(.positive) == look(.negative))
  }

  @Test func aStylesOwnBoldAndReverseAlwaysShow() {
    for mode in [ColorMode.monochrome, .basic, .extended] {
      for role in Self.roles {
        let look = Palette.appearance(of: Style(role, bold: true, reverse: true), in: mode)
        #expect(look.attributes.isSuperset(of: [.bold, .reverse]), "\(role) in \(mode)")
      }
    }
  }

  @Test(arguments: [(ColorMode.basic, 8), (.extended, 256)])
  func colourModesStayInTheirPalette(mode: ColorMode, colors: Int) {
    for role in Self.roles {
      if let foreground = Palette.appearance(of: Style(role), in: mode).foreground {
        #expect((0..<colors).contains(foreground), "\(role) in \(mode)")
      }
    }
  }

  @Test(arguments: [ColorMode.basic, .extended])
  func colourTellsSignAndGate(mode: ColorMode) {
    func color(_ role: StyleRole) -> Int? {
      Palette.appearance(of: Style(role), in: mode).foreground
    }
    #expect(color(.positive) != nil)
    #expect(color(.negative) != nil)
    #expect(color(.positive) != color(.negative))
    let gates = Set(Gate.allCases.compactMap { color(.gate($0)) })
    #expect(gates.count == Gate.allCases.count)
    #expect(color(.plain) == nil)
  }

  @Test func noColorFlagOrNonEmptyNoColorVariableMeansMonochrome() {
    #expect(ColorMode.choose(noColor: true, environment: [:], terminalColors: 256) == .monochrome)
    #expect(
      ColorMode.choose(noColor: false, environment: ["NO_COLOR": "1"], terminalColors: 256)
        == .monochrome)
    // An empty NO_COLOR does not count (no-color.org).
    #expect(
      ColorMode.choose(noColor: false, environment: ["NO_COLOR": ""], terminalColors: 256)
        == .extended)
  }

  @Test func theTerminalsColourCountPicksTheMode() {
    func mode(_ colors: Int) -> ColorMode {
      ColorMode.choose(noColor: false, environment: [:], terminalColors: colors)
    }
    #expect(mode(256) == .extended)
    #expect(mode(16_777_216) == .extended)
    #expect(mode(88) == .basic)
    #expect(mode(8) == .basic)
    #expect(mode(2) == .monochrome)
    #expect(mode(0) == .monochrome)
  }
}
