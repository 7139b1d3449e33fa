import Foundation
import Testing

/// The README shows real output: each example below must be what the program prints today.
@Suite struct ReadmeTests {
  /// The text of the first code block after the line that ends with `caption`.
  private func codeBlock(after caption: String) throws -> String {
    let readme = try String(
      contentsOf: Support.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    let captionIndex = try #require(lines.firstIndex { $0.hasSuffix(caption) })
    let open = try #require(lines[captionIndex...].firstIndex { $0.hasPrefix("```") })
    let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
    return lines[(open + 1)..<close].map { $0 + "\n" }.joined()
  }

  @Test func theFrameShownIsWhatRenderPrints() throws {
    let shown = try codeBlock(after: "`lstmviz render --keys right --size 80x24`:")
    let rendered = try Support.run(["render", "--keys", "right", "--size", "80x24"])
    #expect(rendered.status == 0)
    #expect(shown == rendered.stdout)
  }
}
