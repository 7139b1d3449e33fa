import Foundation
import Testing

@Suite struct RuntimeFailureTests {
  @Test func outputThatCannotBeWrittenExitsOneWithOneLine() throws {
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
    let errors = Pipe()
    let process = Process()
    process.executableURL = Support.executable
    process.arguments = ["trace", "--format", "csv"]
    process.environment = ["SWIFT_BACKTRACE": "enable=no"]
    process.standardOutput = full
    process.standardError = errors
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(stderr.hasPrefix("lstmviz: cannot write the output: "))
    #expect(stderr.filter { $0 == "\n" }.count == 1, "\(stderr)")
  }
}
