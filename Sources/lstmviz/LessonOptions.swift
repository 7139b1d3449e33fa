import ArgumentParser
import Foundation
import LSTMCore
import LSTMFiles

/// The options every command shares: which lesson, model and sequences to use.
struct LessonOptions: ParsableArguments {
  @Argument(help: "A lesson JSON file. Without one, the built-in StatQuest lesson.")
  var lesson: String?

  @Option(
    help: ArgumentHelp(
      "A model file: a lesson, scalar gates, a PyTorch state_dict as JSON, safetensors, or "
        + "torch.save (.pt, .pth, .ckpt).",
      discussion: "Replaces the lesson's model. nn.LSTM and nn.LSTMCell state_dicts are read, "
        + "also inside a Lightning checkpoint's state_dict."))
  var model: String?

  @Option(
    help: ArgumentHelp(
      "Sequences: JSON {\"sequences\": [...]} or CSV, one column per sequence.",
      discussion: "Replaces the lesson's sequences (together with any --input)."))
  var sequences: String?

  @Option(
    help: ArgumentHelp(
      "One sequence of comma-separated inputs, such as \"0,0.5,0.25,1\". Repeatable.",
      discussion: "For a model of m > 1 inputs, separate steps with ';': \"0,1;0.5,0.9\"."))
  var input: [String] = []

  // Unconditional, so that `--layer -1` is read as a number and refused as one.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The layer of a multi-layer PyTorch state_dict to show (default 0).",
      discussion: "Sequences run through the layers below it first; its inputs are then the STM "
        + "of the layer below."))
  var layer: Int?

  @Option(
    help: ArgumentHelp(
      "The LSTM to show, by its module prefix (such as encoder), when the model file holds "
        + "several.",
      valueName: "name"))
  var lstm: String?

  @Option(
    help: ArgumentHelp(
      "The plain-RNN twin: a file, or none to leave it out.",
      discussion: "The file holds {\"stmWeight\", \"inputWeight\", \"bias\"}, an nn.RNN "
        + "state_dict, or a lesson whose \"rnn\" is taken. Replaces the lesson's twin.",
      valueName: "file|none"))
  var rnn: String?

  /// The lesson these options describe.
  ///
  /// - Throws: `LessonError` for anything wrong with the files or options.
  func loadLesson() throws -> Lesson {
    if let layer, layer < 0 {
      throw LessonError(
        file: nil, location: nil, message: "--layer must be 0 or more, got \(layer)")
    }
    let sources = LessonSources(
      lesson: lesson, model: model, sequences: sequences, inputs: input, layer: layer,
      lstm: lstm, rnn: rnn.map(TwinSource.init(argument:)) ?? .lesson)
    return try Lesson.load(sources, read: InputFile.read)
  }
}

/// Reading the files a user names.
enum InputFile {
  /// The largest file lstmviz reads.
  static let maximumSize = 1 << 30

  /// The bytes of the file at `path`.
  ///
  /// - Throws: `LessonError` naming the file and saying why it cannot be read.
  static func read(_ path: String) throws(LessonError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw failure(path, errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure(path, errno) }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      throw LessonError(file: path, location: nil, message: "cannot be read: it is a directory")
    }
    // Read straight into one buffer of the file's size: a large model file is not copied.
    let size = max(Int(status.st_size), 0)
    guard size <= maximumSize else {
      throw LessonError(
        file: path, location: nil, message: "is larger than 1 GiB; lstmviz reads smaller files")
    }
    var filled = 0
    var failure: Int32?
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      while filled < size {
        let count = Foundation.read(
          descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
        if count < 0, errno == EINTR { continue }
        if count < 0 { failure = errno }
        if count <= 0 { break }
        filled += count
      }
      initialized = filled
    }
    if let failure { throw self.failure(path, failure) }
    // A file that grew, or that has no size (a pipe), is read on to its end.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw self.failure(path, errno)
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > maximumSize {
        throw LessonError(
          file: path, location: nil, message: "is larger than 1 GiB; lstmviz reads smaller files")
      }
    }
  }

  private static func failure(_ path: String, _ code: Int32) -> LessonError {
    LessonError(
      file: path, location: nil, message: "cannot be read: \(String(cString: strerror(code)))")
  }
}
