/// Reads a pickle the way `torch.load(weights_only=True)` does, and stricter: only the opcodes
/// of protocols 2 to 4 that plain data needs, and only the globals a state_dict is made of
/// (`PickleGlobal`). Any other global is refused, naming it. Nothing in the pickle is ever run:
/// a global is only a name here, and the few known ones are rebuilt by this code.
///
/// Everything is bounded: the pickle's size, the stack, the memo, the nesting of marks and
/// tuples, and the size of integers, so a hostile pickle is refused, never a crash.
struct RestrictedUnpickler {
  /// The largest pickle read (a state_dict's data.pkl is a few kilobytes a tensor).
  static let maximumSize = 64 << 20
  /// The deepest nesting of marks, tuples, lists and dicts.
  static let maximumDepth = 64
  /// The most values on the stack or in the memo.
  static let maximumItems = 1 << 20

  /// What was wrong, and at which byte.
  struct Failure: Error {
    /// The byte of the opcode at fault.
    var offset: Int
    /// What is wrong.
    var message: String
  }

  /// What a pickle holds: its top value, and the lists and dicts it refers to.
  struct Result {
    /// The value STOP returned.
    var value: PickleValue
    /// The lists and dicts, by index.
    var objects: [PickleObject]
  }

  private let bytes: [UInt8]
  private var position = 0
  private var opcodeStart = 0
  private var stack: [PickleValue] = []
  private var marks: [Int] = []
  private var memo: [Int: PickleValue] = [:]
  private var objects: [PickleObject] = []

  /// Reads `bytes` (or the pickle that starts them, when `bytes` holds more).
  static func read(_ bytes: [UInt8]) throws(Failure) -> Result {
    guard bytes.count <= maximumSize else {
      throw Failure(
        offset: 0, message: "the pickle is \(bytes.count) bytes, larger than any state_dict's")
    }
    var unpickler = RestrictedUnpickler(bytes: bytes)
    let value = try unpickler.run()
    return Result(value: value, objects: unpickler.objects)
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func failure(_ message: String) -> Failure {
    Failure(offset: opcodeStart, message: message)
  }

  private mutating func run() throws(Failure) -> PickleValue {
    while true {
      opcodeStart = position
      let opcode = try take(1)[0]
      if opcode == UInt8(ascii: ".") {
        guard let top = stack.popLast() else { throw failure("STOP with nothing to return") }
        return top
      }
      try step(opcode)
      guard stack.count <= Self.maximumItems, memo.count <= Self.maximumItems else {
        throw failure("the pickle holds more than \(Self.maximumItems) values")
      }
    }
  }

  // One opcode. The names are pickletools'.
  // swift-format-ignore: CyclomaticComplexity
  private mutating func step(_ opcode: UInt8) throws(Failure) {
    switch opcode {
    case 0x80:  // PROTO
      let version = try take(1)[0]
      guard (2...5).contains(version) else { throw failure("pickle protocol \(version)") }
    case 0x95: _ = try take(8)  // FRAME: a length to skip
    case UInt8(ascii: "("):  // MARK
      guard marks.count < Self.maximumDepth else { throw tooDeep() }
      marks.append(stack.count)
    case UInt8(ascii: "N"): stack.append(.none)
    case 0x88: stack.append(.bool(true))
    case 0x89: stack.append(.bool(false))
    case UInt8(ascii: "K"): stack.append(.int(Int(try take(1)[0])))
    case UInt8(ascii: "M"): stack.append(.int(Int(try littleEndian(2))))
    case UInt8(ascii: "J"): stack.append(.int(Int(Int32(truncatingIfNeeded: try littleEndian(4)))))
    case 0x8A: stack.append(.int(try long(Int(try take(1)[0]))))
    case 0x8B: stack.append(.int(try long(Int(try littleEndian(4)))))
    case UInt8(ascii: "G"):
      let bits = try take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      stack.append(.float(Double(bitPattern: bits)))
    case UInt8(ascii: "X"): stack.append(.string(try text(Int(try littleEndian(4)))))
    case 0x8C: stack.append(.string(try text(Int(try take(1)[0]))))
    case 0x8D: stack.append(.string(try text(try size(try littleEndian(8)))))
    case UInt8(ascii: "U"), UInt8(ascii: "C"): stack.append(.bytes(try take(Int(try take(1)[0]))))
    case UInt8(ascii: "T"), UInt8(ascii: "B"):
      stack.append(.bytes(try take(Int(try littleEndian(4)))))
    case UInt8(ascii: "}"): stack.append(newObject(.dict([])))
    case UInt8(ascii: "]"): stack.append(newObject(.list([])))
    case UInt8(ascii: ")"): stack.append(.tuple([], depth: 1))
    case UInt8(ascii: "t"): stack.append(try tuple(try popMark()))
    case 0x85, 0x86, 0x87: stack.append(try tuple(try pop(Int(opcode) - 0x84)))
    case UInt8(ascii: "q"): try put(Int(try take(1)[0]))
    case UInt8(ascii: "r"): try put(Int(try littleEndian(4)))
    case 0x94: try put(memo.count)  // MEMOIZE
    case UInt8(ascii: "h"): try get(Int(try take(1)[0]))
    case UInt8(ascii: "j"): try get(Int(try littleEndian(4)))
    case UInt8(ascii: "0"): _ = try pop(1)
    case UInt8(ascii: "1"): _ = try popMark()
    case UInt8(ascii: "2"):
      guard let top = stack.last else { throw failure("DUP of an empty stack") }
      stack.append(top)
    case UInt8(ascii: "a"): try append(try pop(1))
    case UInt8(ascii: "e"): try append(try popMark())
    case UInt8(ascii: "s"): try setItems(try pop(2))
    case UInt8(ascii: "u"): try setItems(try popMark())
    case UInt8(ascii: "c"):
      let module = try line()
      stack.append(try global(module: module, name: try line()))
    case 0x93:  // STACK_GLOBAL
      let names = try pop(2)
      guard case .string(let module) = names[0], case .string(let name) = names[1] else {
        throw failure("STACK_GLOBAL of something other than two strings")
      }
      stack.append(try global(module: module, name: name))
    case UInt8(ascii: "R"):
      let parts = try pop(2)
      stack.append(try reduce(parts[0], parts[1]))
    case UInt8(ascii: "Q"): stack.append(try persistentLoad(try pop(1)[0]))
    default:
      throw failure(
        "unknown pickle opcode 0x\(String(opcode, radix: 16, uppercase: true)); a state_dict "
          + "saved by torch.save uses the opcodes of pickle protocol 2")
    }
  }

  // MARK: Reading bytes

  private mutating func take(_ count: Int) throws(Failure) -> [UInt8] {
    guard count >= 0, count <= bytes.count - position else {
      throw failure("the pickle ends early: it is cut short (truncated)")
    }
    defer { position += count }
    return Array(bytes[position..<position + count])
  }

  private mutating func littleEndian(_ count: Int) throws(Failure) -> UInt64 {
    try take(count).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }

  private func size(_ value: UInt64) throws(Failure) -> Int {
    guard value <= UInt64(Self.maximumSize) else { throw failure("a string longer than the file") }
    return Int(value)
  }

  /// A little-endian two's-complement integer of `count` bytes, up to 8.
  private mutating func long(_ count: Int) throws(Failure) -> Int {
    guard count <= 8 else {
      throw failure("an integer of \(count) bytes, larger than any size or offset in a state_dict")
    }
    let raw = try take(count)
    guard let last = raw.last else { return 0 }
    var value = UInt64(last & 0x80 == 0 ? 0 : UInt64.max)
    for byte in raw.reversed() { value = value << 8 | UInt64(byte) }
    return Int(Int64(bitPattern: value))
  }

  private mutating func text(_ count: Int) throws(Failure) -> String {
    let raw = try take(count)
    guard let string = String(validating: raw, as: UTF8.self) else {
      throw failure("a string that is not UTF-8")
    }
    return string
  }

  /// A newline-terminated ASCII name, as GLOBAL writes its module and name.
  private mutating func line() throws(Failure) -> String {
    let window = bytes[position...].prefix(256)
    guard let end = window.firstIndex(of: 0x0A) else {
      throw failure(
        window.count < 256
          ? "the pickle ends early: it is cut short (truncated)"
          : "GLOBAL without a name ending in a newline")
    }
    defer { position = end + 1 }
    return String(decoding: bytes[position..<end], as: UTF8.self)
  }

  // MARK: The stack

  private mutating func pop(_ count: Int) throws(Failure) -> [PickleValue] {
    guard stack.count - count >= (marks.last ?? 0) else {
      throw failure("an opcode takes \(count) values from a stack that holds fewer")
    }
    defer { stack.removeLast(count) }
    return Array(stack.suffix(count))
  }

  private mutating func popMark() throws(Failure) -> [PickleValue] {
    guard let mark = marks.popLast() else {
      throw failure("an opcode needs a MARK, and none is set")
    }
    defer { stack.removeSubrange(mark...) }
    return Array(stack[mark...])
  }

  private func tooDeep() -> Failure {
    failure("the pickle nests more than \(Self.maximumDepth) deep; a state_dict is shallow")
  }

  private func tuple(_ items: [PickleValue]) throws(Failure) -> PickleValue {
    let depth = 1 + (items.map(\.depth).max() ?? 0)
    guard depth <= Self.maximumDepth else { throw tooDeep() }
    return .tuple(items, depth: depth)
  }

  private mutating func newObject(_ object: PickleObject) -> PickleValue {
    objects.append(object)
    return .object(objects.count - 1)
  }

  private mutating func put(_ key: Int) throws(Failure) {
    guard let top = stack.last else { throw failure("BINPUT of an empty stack") }
    memo[key] = top
  }

  private mutating func get(_ key: Int) throws(Failure) {
    guard let value = memo[key] else { throw failure("BINGET of memo \(key), never put") }
    stack.append(value)
  }

  private mutating func append(_ items: [PickleValue]) throws(Failure) {
    guard case .object(let index)? = stack.last, case .list(var list) = objects[index] else {
      throw failure("APPEND to something other than a list")
    }
    objects[index] = .list([])
    list += items
    objects[index] = .list(list)
  }

  private mutating func setItems(_ items: [PickleValue]) throws(Failure) {
    guard items.count % 2 == 0 else { throw failure("SETITEMS with a key and no value") }
    guard case .object(let index)? = stack.last, case .dict(var dict) = objects[index] else {
      throw failure("SETITEM on something other than a dict")
    }
    objects[index] = .dict([])
    for k in stride(from: 0, to: items.count, by: 2) {
      dict.append((key: items[k], value: items[k + 1]))
    }
    objects[index] = .dict(dict)
  }

  // MARK: Globals, calls and storages

  private func global(module: String, name: String) throws(Failure) -> PickleValue {
    guard let known = PickleGlobal(module: module, name: name) else {
      let shown = ["posix", "nt"].contains(module) ? "os" : module
      throw failure(
        "refused to load: the file asks for \(shown).\(name), which a state_dict never needs")
    }
    return .global(known)
  }

  /// A call: only the known globals, each rebuilt here.
  private mutating func reduce(
    _ callable: PickleValue, _ arguments: PickleValue
  ) throws(Failure) -> PickleValue {
    guard case .global(let global) = callable, case .tuple(let args, _) = arguments else {
      throw failure("REDUCE calls \(callable.kind), which a state_dict never calls")
    }
    switch global {
    case .orderedDict:
      guard args.isEmpty else { throw failure("OrderedDict called with arguments") }
      return newObject(.dict([]))
    case .rebuildParameter:
      guard let tensor = args.first, case .tensor = tensor else {
        throw failure("_rebuild_parameter of something other than a tensor")
      }
      return tensor
    case .rebuildTensor:
      return .tensor(try rebuiltTensor(args))
    case .storageType(let name, _, _):
      throw failure("REDUCE calls torch.\(name), which a state_dict never calls")
    }
  }

  /// `_rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])`.
  private func rebuiltTensor(_ args: [PickleValue]) throws(Failure) -> PickleTensor {
    guard args.count >= 4, case .storage(let storage) = args[0], case .int(let offset) = args[1],
      let shape = integers(args[2]), let strides = integers(args[3]), shape.count == strides.count
    else {
      throw failure("_rebuild_tensor_v2 with arguments other than storage, offset, size, stride")
    }
    return PickleTensor(storage: storage, offset: offset, shape: shape, strides: strides)
  }

  private func integers(_ value: PickleValue) -> [Int]? {
    guard case .tuple(let items, _) = value else { return nil }
    var numbers: [Int] = []
    for item in items {
      guard case .int(let number) = item else { return nil }
      numbers.append(number)
    }
    return numbers
  }

  /// `persistent_load(('storage', torch.FloatStorage, '0', 'cpu', 48))`.
  private func persistentLoad(_ id: PickleValue) throws(Failure) -> PickleValue {
    guard case .tuple(let parts, _) = id, parts.count == 5, case .string("storage") = parts[0],
      case .global(.storageType(let name, let type, let size)) = parts[1],
      case .string(let key) = parts[2], case .int(let count) = parts[4], count >= 0
    else {
      throw failure(
        "a persistent id other than ('storage', torch.<Type>Storage, key, location, size)")
    }
    return .storage(
      PickleStorage(key: key, typeName: name, type: type, elementSize: size, count: count))
  }
}
