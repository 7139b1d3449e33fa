import Foundation
import Testing

/// Edit mode in a real terminal (tmux): an edit, a save, a refused overwrite, and the terminal
/// given back as it was.
@Suite(.serialized) struct WhatIfTmuxTests {
  @Test func anEditASaveARefusedOverwriteAndTheTerminalRestored() throws {
    let tmux = try TmuxShell(width: 100, height: 30)
    let folder = tmux.folder.path
    let program = "'\(Support.executable.path)'"
    try tmux.type(
      "cd \(folder) && sh -c 'stty -g > stty-before; \"$0\"; echo $? > status; "
        + "stty -g > stty-after' \(program)")
    try tmux.waitUntil("the lesson") { $0.contains("t = 1 / 4") }
    try tmux.press("e", "Tab", "Tab", "=", "-", "5")
    try tmux.waitUntil("the prompt") { $0.contains("forget.bias = -5▏") }
    try tmux.press("Enter")
    try tmux.waitUntil("the edit") {
      $0.contains("forget.bias 1.62 → -5.00 · prediction 0.0064 → 0.2319")
    }
    try tmux.press("End")
    try tmux.waitUntil("the prediction and what it was") {
      $0.contains("prediction = the last STM = 0.2319 (was 0.0064)")
    }
    try tmux.press("w")
    try tmux.waitUntil("the path prompt") { $0.contains("save to statquest-edited.json▏") }
    try tmux.press("Enter")
    try tmux.waitUntil("the save") { $0.contains("saved statquest-edited.json") }
    let file = URL(fileURLWithPath: folder).appendingPathComponent("statquest-edited.json")
    let saved = try String(contentsOf: file, encoding: .utf8)
    #expect(saved.contains("\"bias\": -5"))
    // Another edit, and the same path again: asked, and n keeps the file.
    try tmux.press("+", "w", "Enter")
    try tmux.waitUntil("the question") {
      $0.contains("statquest-edited.json exists: overwrite it?")
    }
    try tmux.press("n")
    try tmux.waitUntil("the file kept") { $0.contains("kept as it was") }
    #expect(try String(contentsOf: file, encoding: .utf8) == saved)
    // Undo: the cursor's number back to -5, and the edit not saved still asks before quitting.
    try tmux.press("u")
    try tmux.waitUntil("the undo") { $0.contains("edit forget.bias = -5 (was 1.62)") }
    try tmux.press("Escape")
    try tmux.waitUntil("edit mode off") { $0.contains("q quit") && !$0.contains("Tab next") }
    try tmux.press("q")
    try tmux.waitUntil("the question before quitting") { $0.contains("q again quits") }
    try tmux.press("q")
    let after = try tmux.waitForFile("stty-after")
    #expect(try tmux.waitForFile("stty-before") == after)
    #expect(try tmux.waitForFile("status") == "0")
    let screen = try tmux.screen()
    #expect(!screen.contains("t = 4 / 4"), "the lesson is still on the screen:\n\(screen)")
  }
}
