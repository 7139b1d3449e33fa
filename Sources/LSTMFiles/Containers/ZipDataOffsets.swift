/// Where each stored (uncompressed) entry's data starts in a zip archive's bytes, so that a
/// `torch.save` storage is read where it lies in the file instead of being copied out.
///
/// ZIPFoundation reads the archive; it does not say where an entry's data lies, so this reads
/// the central directory and the local headers for that alone, checking each against the names
/// and sizes ZIPFoundation found. An archive it cannot place (ZIP64, say) is read through
/// ZIPFoundation instead.
enum ZipDataOffsets {
  /// The data offset of each stored entry, by path; empty when the directory cannot be read.
  static func stored(in bytes: [UInt8]) -> [String: (offset: Int, size: Int)] {
    var offsets: [String: (offset: Int, size: Int)] = [:]
    for entry in entries(in: bytes) where entry.isStored && entry.fits {
      offsets[entry.name] = (entry.data, entry.size)
    }
    return offsets
  }

  /// What places the archive's parts outside its own bytes, in words, or nil: the end records,
  /// the central directory and every entry's data must lie within the file. ZIPFoundation traps
  /// (rather than throws) when it is sent past the end of an archive held in memory, so a
  /// damaged or cut archive is refused before it is opened.
  static func damage(in bytes: [UInt8]) -> String? {
    bytes.withUnsafeBytes { buffer -> String? in
      func u16(_ at: Int) -> Int {
        Int(UInt16(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
      }
      func u32(_ at: Int) -> Int {
        Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
      }
      func u64(_ at: Int) -> UInt64 {
        UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self))
      }
      let count = buffer.count
      func within(_ offset: UInt64, _ size: UInt64) -> Bool {
        offset <= UInt64(count) && size <= UInt64(count) - offset
      }
      // With no end record, ZIPFoundation says so itself, and throws.
      guard count >= 22, let end = endRecord(buffer) else { return nil }
      var directory = (offset: UInt64(u32(end + 16)), size: UInt64(u32(end + 12)))
      let locator = end - 20
      if locator >= 0, u32(locator) == 0x0706_4B50 {
        let record = u64(locator + 8)
        guard within(record, 56), u32(Int(record)) == 0x0606_4B50 else {
          return "its ZIP64 end record lies outside the file"
        }
        directory = (u64(Int(record) + 48), u64(Int(record) + 40))
      }
      guard within(directory.offset, directory.size) else {
        return "its central directory lies outside the file"
      }
      if let entry = entries(in: bytes).first(where: { !$0.fits }) {
        return "\(entry.name) lies outside the file"
      }
      return nil
    }
  }

  /// Where the end of central directory record starts: its signature within the last 64 KiB +
  /// 22 bytes; nil if there is none.
  private static func endRecord(_ buffer: UnsafeRawBufferPointer) -> Int? {
    var end = buffer.count - 22
    let earliest = max(0, buffer.count - 22 - 0xFFFF)
    while end >= earliest,
      UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: end, as: UInt32.self))
        != 0x0605_4B50
    {
      end -= 1
    }
    return end >= earliest ? end : nil
  }

  /// One entry of the central directory, as far as placing its data needs.
  private struct DirectoryEntry {
    /// The entry's path.
    var name: String
    /// Whether it is stored uncompressed, with a size that needs no ZIP64.
    var isStored: Bool
    /// Where its data starts (after the local header), or -1 when the header is not there.
    var data: Int
    /// The size of its data in the file.
    var size: Int
    /// Whether the local header and the data both lie within the file.
    var fits: Bool
  }

  /// Every entry of the central directory; empty when the directory cannot be read (ZIP64, a
  /// damaged end record), in which case ZIPFoundation's own checks are all there is.
  private static func entries(in bytes: [UInt8]) -> [DirectoryEntry] {
    bytes.withUnsafeBytes { buffer in
      func u16(_ at: Int) -> Int {
        Int(UInt16(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
      }
      func u32(_ at: Int) -> Int {
        Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
      }
      let count = buffer.count
      guard count >= 22, let end = endRecord(buffer) else { return [] }
      var at = u32(end + 16)
      var found: [DirectoryEntry] = []
      for _ in 0..<u16(end + 10) {
        guard at + 46 <= count, u32(at) == 0x0201_4B50 else { return [] }
        let method = u16(at + 10)
        let (compressed, size) = (u32(at + 20), u32(at + 24))
        let (nameLength, extraLength, commentLength) = (u16(at + 28), u16(at + 30), u16(at + 32))
        let local = u32(at + 42)
        guard at + 46 + nameLength <= count else { return [] }
        let name = String(decoding: buffer[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
        at += 46 + nameLength + extraLength + commentLength
        let zip64 = [compressed, size, local].contains(0xFFFF_FFFF)
        if zip64 { return [] }
        var entry = DirectoryEntry(
          name: name, isStored: method == 0 && compressed == size, data: -1, size: compressed,
          fits: false)
        if local <= count - 30, u32(local) == 0x0403_4B50 {
          entry.data = local + 30 + u16(local + 26) + u16(local + 28)
          entry.fits = entry.data <= count && compressed <= count - entry.data
        }
        // A stored entry is only placed when its local header names it as the directory does.
        entry.isStored = entry.isStored && entry.data >= 0 && u16(local + 26) == nameLength
        found.append(entry)
      }
      return found
    }
  }
}
