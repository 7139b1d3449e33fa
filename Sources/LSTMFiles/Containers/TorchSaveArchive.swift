import Foundation
import ZIPFoundation

extension TorchSave {
  /// Reads the archive `bytes` with ZIPFoundation: its folder, its pickle, the byte order, and
  /// the storages `stored` does not place (compressed ones), inflated.
  static func read(
    _ bytes: [UInt8], stored: [String: (offset: Int, size: Int)], file: String
  ) throws(LessonError) -> (folder: String, pickle: [UInt8], inflated: [String: [UInt8]]) {
    let result = bytes.withUnsafeBytes {
      buffer -> Result<(folder: String, pickle: [UInt8], inflated: [String: [UInt8]]), LessonError>
      in
      guard let base = buffer.baseAddress else {
        return .failure(LessonError(file: file, location: nil, message: "the file is empty"))
      }
      // The archive reads the file's own bytes: nothing is copied.
      let data = Data(
        bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count,
        deallocator: .none)
      if let damage = ZipDataOffsets.damage(in: bytes) {
        return .failure(
          LessonError(
            file: file, location: nil,
            message: "a zip archive that cannot be read (it may be cut short, truncated): "
              + damage))
      }
      return Result { () throws(LessonError) in try read(data, stored: stored, file: file) }
    }
    return try result.get()
  }

  private static func read(
    _ data: Data, stored: [String: (offset: Int, size: Int)], file: String
  ) throws(LessonError) -> (folder: String, pickle: [UInt8], inflated: [String: [UInt8]]) {
    func fail(_ location: String?, _ message: String) -> LessonError {
      LessonError(file: file, location: location, message: message)
    }
    let archive: ZIPFoundation.Archive
    do {
      archive = try ZIPFoundation.Archive(data: data, accessMode: .read)
    } catch {
      throw fail(
        nil, "a zip archive that cannot be read (it may be cut short, truncated): \(error)")
    }
    let entries = Array(archive)
    guard
      let pickleEntry = entries.first(where: { $0.path.split(separator: "/").last == "data.pkl" })
    else {
      let names = entries.map(\.path)
      if !names.isEmpty, names.allSatisfy({ $0.hasSuffix(".npy") }) {
        throw fail(
          nil, "a NumPy .npz archive (a zip of .npy arrays), not a model; \(ModelFile.resave)")
      }
      if names.contains("config.json"), names.contains("model.weights.h5") {
        throw fail(
          nil,
          "a Keras .keras archive, which lstmviz does not read yet; give a PyTorch state_dict "
            + "(torch.save or safetensors)")
      }
      throw fail(
        nil, "a zip archive with no data.pkl, so not a torch.save file; \(ModelFile.resave)")
    }
    let folder = String(pickleEntry.path.dropLast("data.pkl".count))
    let pickle = try extract(
      pickleEntry, from: archive, limit: RestrictedUnpickler.maximumSize, file: file)
    if let order = entries.first(where: { $0.path == folder + "byteorder" }) {
      let text = try extract(order, from: archive, limit: 16, file: file)
      guard text == Array("little".utf8) else {
        throw fail(
          order.path,
          "the storages are \(String(decoding: text, as: UTF8.self))-endian; lstmviz reads "
            + "little-endian files (save the model on a little-endian machine)")
      }
    }
    var inflated: [String: [UInt8]] = [:]
    for entry in entries where entry.path.hasPrefix(folder + "data/") && stored[entry.path] == nil {
      inflated[entry.path] = try extract(entry, from: archive, limit: 1 << 30, file: file)
    }
    return (folder, pickle, inflated)
  }

  /// The bytes of `entry`, refused past `limit` or when the archive is damaged.
  private static func extract(
    _ entry: Entry, from archive: ZIPFoundation.Archive, limit: Int, file: String
  ) throws(LessonError) -> [UInt8] {
    guard entry.uncompressedSize <= UInt64(limit) else {
      throw LessonError(
        file: file, location: entry.path,
        message: "is \(entry.uncompressedSize) bytes, larger than lstmviz reads (\(limit))")
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(entry.uncompressedSize))
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
        guard bytes.count + chunk.count <= limit else {
          throw ZIPFoundation.Archive.ArchiveError.invalidEntrySize
        }
        bytes.append(contentsOf: chunk)
      }
    } catch {
      throw LessonError(
        file: file, location: entry.path,
        message: "cannot be read from the zip archive (it may be damaged or cut short): \(error)")
    }
    return bytes
  }
}
