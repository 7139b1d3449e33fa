import LSTMCore

/// The tensors of one model file, in the file's order, looked up by name.
///
/// An entry a container could not read as a tensor (a JSON string, a ragged list) is kept, not
/// refused: a naming scheme may never need it (`fc.*` beside an LSTM), and if it does, reading
/// it says what is wrong in the words of what it should have been.
struct TensorSet: Sendable {
  /// One named entry: a tensor, or what the container found instead.
  enum Entry: Sendable {
    /// A tensor.
    case tensor(NamedTensor)
    /// Something that is not a tensor.
    case unreadable(UnreadableTensor)

    /// The entry's name.
    var name: String {
      switch self {
      case .tensor(let tensor): tensor.name
      case .unreadable(let entry): entry.name
      }
    }

    /// Where the entry is in its file.
    var origin: TensorOrigin {
      switch self {
      case .tensor(let tensor): tensor.origin
      case .unreadable(let entry): entry.origin
      }
    }
  }

  /// The file, as the user named it.
  var file: String?
  /// Where the set is in its file, for errors about it as a whole (`line 1`, `model (line 3)`).
  var location: String?
  /// The entries, in the file's order.
  let entries: [Entry]
  private let index: [String: Int]

  /// Makes a set of `entries`; of two with one name, the first is found by name.
  init(file: String?, location: String?, entries: [Entry]) {
    self.file = file
    self.location = location
    self.entries = entries
    var index: [String: Int] = [:]
    for (k, entry) in entries.enumerated() where index[entry.name] == nil {
      index[entry.name] = k
    }
    self.index = index
  }

  /// The entries' names, in the file's order.
  var names: [String] { entries.map(\.name) }

  /// The entries that are tensors, in the file's order.
  var tensors: [NamedTensor] {
    entries.compactMap { entry in
      guard case .tensor(let tensor) = entry else { return nil }
      return tensor
    }
  }

  /// The entry called `name`, if there is one.
  subscript(name: String) -> Entry? { index[name].map { entries[$0] } }

  /// An error about the set as a whole.
  func error(_ message: String) -> LessonError {
    LessonError(file: file, location: location, message: message)
  }

  /// An error at `location` in the set's file.
  func error(at location: String, _ message: String) -> LessonError {
    LessonError(file: file, location: location, message: message)
  }
}

/// How a naming scheme reads a tensor, and the words its messages use.
enum TensorRole: Sendable {
  /// A list of numbers; `what` names it in messages (`a bias`).
  case vector(what: String)
  /// A matrix whose rows are equally long, or `columns` long each when given (`why` says why,
  /// as in `weight_hh needs 2 (its 8 rows are 4n)`).
  case matrix(columns: Int?, why: String)
}

/// An entry that is not a tensor, as its container found it.
struct UnreadableTensor: Sendable {
  /// The entry's name.
  var name: String
  /// Where it is.
  var origin: TensorOrigin
  /// What it is instead, in a person's words: `a string`, `a list`.
  var kind: String
  /// How many elements its first level has, when it is a list.
  var count: Int?
  /// The error reading it as `role` gives, in its container's words.
  var error: @Sendable (TensorRole) -> LessonError
}

extension TensorSet {
  /// How many rows `entry` has (the size of its first dimension), when it is a list.
  ///
  /// - Parameter what: what it should be, for the message: `a matrix`.
  func rowCount(of entry: Entry, what: String) throws(LessonError) -> Int {
    switch entry {
    case .tensor(let tensor):
      guard let rows = tensor.shape.first else {
        throw error(at: tensor.origin.location, "expected \(what) (a list), found a number")
      }
      return rows
    case .unreadable(let found):
      guard let count = found.count else {
        throw error(at: found.origin.location, "expected \(what) (a list), found \(found.kind)")
      }
      return count
    }
  }

  /// `entry` as a matrix with at least one row, each of `columns` numbers (or equally long,
  /// and not empty, when `columns` is nil).
  ///
  /// - Parameter why: why `columns` are needed, for the message.
  func matrix(_ entry: Entry, columns: Int?, why: String) throws(LessonError) -> Matrix {
    let tensor = try matrixTensor(entry, columns: columns, why: why)
    return Matrix(rows: tensor.shape[0], columns: tensor.shape[1], storage: tensor.values)
  }

  /// `entry` as `matrix(_:columns:why:)` checks it, its numbers not yet read: a tensor of shape
  /// `[rows, columns]` with at least one of each.
  func matrixTensor(
    _ entry: Entry, columns: Int?, why: String
  ) throws(LessonError) -> NamedTensor {
    let tensor = try readable(entry, as: .matrix(columns: columns, why: why))
    let origin = tensor.origin
    switch tensor.shape.count {
    case 0: throw error(at: origin.location, "expected a matrix (a list), found a number")
    case 1 where tensor.shape[0] > 0:
      throw error(
        at: origin.location(ofRow: 0), "expected a row of numbers (a list), found a number")
    case 1, 2: break
    default:
      throw error(
        at: origin.location,
        "expected a matrix, found \(tensor.shape.count) dimensions (shape \(tensor.shape))")
    }
    guard tensor.shape[0] > 0, tensor.shape.count == 2 else {
      throw error(at: origin.location, "the matrix has no rows")
    }
    let width = tensor.shape[1]
    if let columns, width != columns {
      throw error(
        at: origin.location(ofRow: 0), "the row has \(counted(width, "number")), but \(why)")
    }
    guard width > 0 else { throw error(at: origin.location(ofRow: 0), "the row is empty") }
    return tensor
  }

  /// Rows `rows` of `tensor`'s numbers, refused if one is not finite (NaN or infinite), which a
  /// binary file may hold and a cell cannot show.
  func finiteValues(of tensor: NamedTensor, rows: Range<Int>) throws(LessonError) -> [Double] {
    let values = tensor.values(rows: rows)
    if let k = values.firstIndex(where: { !$0.isFinite }) {
      let width = tensor.shape.dropFirst().reduce(1, *)
      let (row, column) = (rows.lowerBound * width + k).quotientAndRemainder(dividingBy: width)
      let place =
        tensor.shape.count < 2
        ? tensor.origin.location(ofElement: row)
        : TensorOrigin(place: "\(tensor.origin.place)[\(row)][\(column)]").location
      throw error(
        at: place,
        "is \(values[k].isNaN ? "NaN" : "infinite"); the weights must be finite numbers")
    }
    return values
  }

  /// `entry` as a list of numbers.
  ///
  /// - Parameter what: what it is, for the message: `a bias`.
  func vector(_ entry: Entry, what: String) throws(LessonError) -> [Double] {
    let tensor = try readable(entry, as: .vector(what: what))
    switch tensor.shape.count {
    case 0:
      throw error(at: tensor.origin.location, "expected \(what) (a list), found a number")
    case 1:
      return try finiteValues(of: tensor, rows: 0..<tensor.shape[0])
    default:
      guard tensor.shape[0] > 0 else { return [] }
      throw error(at: tensor.origin.location(ofRow: 0), "expected a number, found a list")
    }
  }

  /// The tensor `entry`, or the error reading it as `role` gives.
  private func readable(_ entry: Entry, as role: TensorRole) throws(LessonError) -> NamedTensor {
    switch entry {
    case .tensor(let tensor): return tensor
    case .unreadable(let found): throw found.error(role)
    }
  }
}
