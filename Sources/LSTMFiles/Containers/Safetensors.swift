/// The safetensors container: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and `data_offsets` (`[begin, end]` in the data that follows), then the
/// raw little-endian numbers.
///
/// Everything is checked before it is trusted: the header length against the file, each
/// offset against the data, no two tensors overlapping, and shape × dtype size against the
/// bytes. F64, F32, F16 and BF16 are read, widened exactly to Double when a naming scheme reads
/// them, straight from the file's bytes; a tensor of another dtype is kept as unreadable, refused
/// (naming its dtype) only if it is needed. `__metadata__` is ignored.
enum Safetensors {
  /// The largest header read; safetensors itself refuses more than 100 MB.
  static let maximumHeader = 100_000_000
  /// The sizes of the dtypes lstmviz knows but does not read.
  static let otherDtypeSizes: [String: Int] = [
    "I64": 8, "U64": 8, "I32": 4, "U32": 4, "I16": 2, "U16": 2, "I8": 1, "U8": 1, "BOOL": 1,
    "F8_E4M3": 1, "F8_E5M2": 1,
  ]

  /// Whether `bytes` start as a safetensors file does: a header length that fits the file,
  /// then `{`.
  static func looksLike(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 10, let length = headerLength(bytes) else { return false }
    return length <= UInt64(bytes.count - 8) && bytes[8] == UInt8(ascii: "{")
  }

  private static func headerLength(_ bytes: [UInt8]) -> UInt64? {
    guard bytes.count >= 8 else { return nil }
    return bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }

  /// One tensor as the header describes it.
  private struct HeaderEntry {
    var name: String
    var dtype: String
    var shape: [Int]
    var begin: Int
    var end: Int
  }

  /// The tensors of the safetensors file `bytes`, read from `file`.
  static func tensors(_ bytes: [UInt8], file: String) throws(LessonError) -> TensorSet {
    func fail(_ location: String?, _ message: String) -> LessonError {
      LessonError(file: file, location: location, message: message)
    }
    guard let length = headerLength(bytes) else {
      throw fail(
        nil,
        "has \(counted(bytes.count, "byte")), too few for a safetensors file, which starts with "
          + "an 8-byte header length (cut short?)")
    }
    guard length <= UInt64(bytes.count - 8) else {
      throw fail(
        "header length",
        "says the header is \(length) bytes, beyond the end of the file "
          + "(\(bytes.count - 8) bytes follow it; cut short?)")
    }
    guard length <= UInt64(maximumHeader) else {
      throw fail("header length", "says the header is \(length) bytes, more than 100 MB")
    }
    let dataStart = 8 + Int(length)
    let dataSize = bytes.count - dataStart
    let header = try parsedHeader(Array(bytes[8..<dataStart]), file: file)
    var entries: [TensorSet.Entry] = []
    for entry in header {
      let origin = TensorOrigin(place: entry.name)
      let count = entry.shape.reduce(1, *)
      guard entry.end <= dataSize else {
        throw fail(
          "header[\(entry.name.quoted)].data_offsets",
          "[\(entry.begin), \(entry.end)] reaches past the end of the data "
            + "(\(counted(dataSize, "byte")); cut short?)")
      }
      guard let type = TensorElementType(rawValue: entry.dtype) else {
        let kind = "a tensor of dtype \(entry.dtype)"
        entries.append(
          .unreadable(
            UnreadableTensor(
              name: entry.name, origin: origin, kind: kind, count: entry.shape.first,
              error: { _ in
                LessonError(
                  file: file, location: origin.location,
                  message: "has dtype \(entry.dtype); lstmviz reads F64, F32, F16 and BF16")
              })))
        continue
      }
      entries.append(
        .tensor(
          NamedTensor(
            name: entry.name, shape: entry.shape,
            data: .raw(bytes: bytes, offset: dataStart + entry.begin, type: type, count: count),
            origin: origin)))
    }
    try checkOverlaps(header, file: file)
    return TensorSet(file: file, location: "header", entries: entries)
  }

  /// The header's tensors, each checked on its own: dtype, shape, offsets, and their sizes.
  private static func parsedHeader(
    _ text: [UInt8], file: String
  ) throws(LessonError) -> [HeaderEntry] {
    let node: JSONNode
    do {
      node = try JSONParser.parse(text, file: file)
    } catch {
      throw LessonError(
        file: file, location: "header" + (error.location.map { ", \($0)" } ?? ""),
        message: error.message)
    }
    guard case .object(let members) = node.value else {
      throw LessonError(
        file: file, location: "header",
        message: "expected an object naming the tensors, found \(node.value.kind)")
    }
    var entries: [HeaderEntry] = []
    for member in members where member.key != "__metadata__" {
      entries.append(try headerEntry(member, file: file))
    }
    return entries
  }

  private static func headerEntry(
    _ member: JSONMember, file: String
  ) throws(LessonError) -> HeaderEntry {
    let place = "header[\(member.key.quoted)]"
    func fail(_ field: String, _ message: String) -> LessonError {
      LessonError(file: file, location: place + field, message: message)
    }
    guard case .object(let fields) = member.node.value else {
      throw fail("", "expected an object with dtype, shape and data_offsets")
    }
    func field(_ key: String) throws(LessonError) -> JSONValue {
      guard let value = fields.first(where: { $0.key == key })?.node.value else {
        throw fail("", "has no \(key); a safetensors tensor has dtype, shape and data_offsets")
      }
      return value
    }
    guard case .string(let dtype) = try field("dtype") else {
      throw fail(".dtype", "expected a string such as \"F32\"")
    }
    guard let shape = integers(try field("shape")) else {
      throw fail(".shape", "expected a list of sizes (whole numbers, 0 or more)")
    }
    guard let offsets = integers(try field("data_offsets")), offsets.count == 2,
      offsets[0] <= offsets[1]
    else {
      throw fail(".data_offsets", "expected [begin, end], two whole numbers with begin ≤ end")
    }
    let bytes = offsets[1] - offsets[0]
    if let size = TensorElementType(rawValue: dtype)?.size ?? otherDtypeSizes[dtype] {
      var needed = size
      for dimension in shape {
        let (product, overflow) = needed.multipliedReportingOverflow(by: dimension)
        guard !overflow else { throw fail(".shape", "\(shape) is too large") }
        needed = product
      }
      guard needed == bytes else {
        throw fail(
          "",
          "shape \(shape) of \(dtype) needs \(counted(needed, "byte")), but data_offsets "
            + "[\(offsets[0]), \(offsets[1])] hold \(bytes)")
      }
    }
    return HeaderEntry(
      name: member.key, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
  }

  /// Whole numbers, 0 or more, each at most 2⁵³.
  private static func integers(_ value: JSONValue) -> [Int]? {
    guard case .array(let elements) = value else { return nil }
    var numbers: [Int] = []
    for element in elements {
      guard case .number(let number) = element.value, number >= 0, number <= 0x1p53,
        number == number.rounded()
      else { return nil }
      numbers.append(Int(number))
    }
    return numbers
  }

  /// Refuses two tensors whose bytes overlap.
  private static func checkOverlaps(_ header: [HeaderEntry], file: String) throws(LessonError) {
    let sorted = header.filter { $0.begin < $0.end }.sorted {
      ($0.begin, $0.end) < ($1.begin, $1.end)
    }
    for (before, after) in zip(sorted, sorted.dropFirst()) where after.begin < before.end {
      throw LessonError(
        file: file, location: "header[\(after.name.quoted)].data_offsets",
        message: "[\(after.begin), \(after.end)] overlaps \(before.name.quoted) "
          + "[\(before.begin), \(before.end)]; each tensor has bytes of its own")
    }
  }
}
