import LSTMCore
import LSTMFiles

/// Loads `sources` with files from memory.
public func load(_ sources: LessonSources, files: [String: String]) throws(LessonError) -> Lesson {
  try Lesson.load(sources) { (path: String) throws(LessonError) -> [UInt8] in
    guard let text = files[path] else {
      throw LessonError(file: path, location: nil, message: "cannot be read")
    }
    return Array(text.utf8)
  }
}

/// The error loading `sources` with files from memory gives, or nil if it loads.
public func loadError(_ sources: LessonSources, files: [String: String]) -> LessonError? {
  do {
    _ = try load(sources, files: files)
    return nil
  } catch {
    return error
  }
}
