import Foundation
import Testing

/// What a lecturer runs before class: handouts, frames for slides, the new keys.
@Suite struct LectureHallTests {
  private let golden = Support.packageRoot.appendingPathComponent("Tests/Fixtures/golden").path

  @Test func theMarkdownHandoutsLongestLineIs100Characters() throws {
    for arguments in [
      [], ["Samples/forty-days.json"], ["--precision", "12"],
      [
        "--model", "\(golden)/torch-3x2.state_dict.json", "--sequences",
        "\(golden)/torch-3x2.sequences.json",
      ],
    ] {
      let trace = try Support.run(
        ["trace", "--format", "markdown"] + arguments, currentDirectory: Support.packageRoot)
      #expect(trace.status == 0, "\(arguments): \(trace.stderr)")
      let longest = trace.stdout.split(separator: "\n").map(\.count).max() ?? 0
      #expect(longest <= 100 && longest > 80, "\(arguments): \(longest)")
    }
  }

  @Test func theHTMLHandoutIsOneFileAndRefusesWhatItCannotShow() throws {
    let html = try Support.run(["trace", "--format", "html", "--paper", "letter"])
    #expect(html.status == 0)
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("size: letter"))
    let refused = try Support.run(["trace", "--format", "html", "--gradients"])
    #expect(refused.status == 2 && refused.stdout.isEmpty)
    #expect(refused.stderr.hasPrefix("lstmviz: --format html: the HTML handout shows"))
    #expect(refused.stderr.filter { $0 == "\n" }.count == 1)
  }

  @Test func renderWritesTheFrameAsSVGAndHTML() throws {
    // In colour: the test runner may have NO_COLOR set.
    let svg = try Support.run(
      ["render", "--keys", "right", "--format", "svg", "--theme", "light"],
      environment: ["NO_COLOR": ""])
    #expect(svg.status == 0 && svg.stderr.isEmpty)
    #expect(svg.stdout.hasPrefix("<?xml") && svg.stdout.hasSuffix("</svg>\n"))
    #expect(svg.stdout.contains("<rect width=\"840\" height=\"510\" fill=\"#ffffff\"/>"))
    #expect(svg.stdout.contains("fill=\"#875f00\""))
    // NO_COLOR as ever: no colour, only bold and reverse.
    let plain = try Support.run(
      ["render", "--keys", "right", "--format", "svg"], environment: ["NO_COLOR": "1"])
    #expect(!plain.stdout.contains("#ffd700") && plain.stdout.contains("font-weight=\"bold\""))
    let page = try Support.run(
      ["render", "--keys", "right s", "--format", "html", "--all-frames", "--size", "80x24"])
    #expect(page.status == 0)
    #expect(page.stdout.components(separatedBy: "<figure>").count == 4)
    #expect(page.stdout.contains("key s · Company A · t = 2 / 4 · stage 1 / 3 forget gate"))
    let one = try Support.run(["render", "--format", "svg", "--all-frames"])
    #expect(one.status == 2 && one.stdout.isEmpty)
    #expect(
      one.stderr
        == "lstmviz: --all-frames: an SVG holds one frame; use --format html for every frame\n")
    let theme = try Support.run(["render", "--theme", "beige"])
    #expect(theme.status == 2 && theme.stdout.isEmpty)
  }

  @Test func renderKeysReachesEveryNewKey() throws {
    let percent = try Support.run(["render", "--keys", "right %", "--size", "80x24"])
    #expect(percent.status == 0)
    #expect(percent.stdout.contains("f = σ(x)    =  88.99 %"))
    let jump = try Support.run(["render", "--keys", "3 enter", "--size", "80x24"])
    #expect(jump.stdout.contains("t = 3 / 4"))
    let typing = try Support.run(["render", "--keys", "1 2", "--size", "80x24"])
    #expect(typing.stdout.contains("go to step 12_ of 4  Enter go  Esc cancel"))
    let slow = try Support.run(["render", "--keys=- - - - - space", "--size", "80x24"])
    #expect(slow.stdout.contains("speed: every 8 s"))
    let names = try Support.run(["render", "--keys", "nope"])
    #expect(
      names.stderr.contains("s b r o % e ? + - * / = u U w [ ] q l h k j g G 0 1 2 3 4 5 6 7 8 9"))
  }

  @Test func helpNamesTheNewKeysAndOptions() throws {
    let help = try Support.run(["help", "interactive"])
    let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("% gate values as percentages, 0–9 Enter jump to step N"))
    #expect(words.contains("--theme <theme>"))
    let render = try Support.run(["help", "render"])
    #expect(render.stdout.contains("--format <format>") && render.stdout.contains("--theme"))
  }
}
