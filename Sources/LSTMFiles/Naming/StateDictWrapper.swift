/// A checkpoint that holds its model's state_dict under `state_dict`, beside plain data such as
/// `epoch` and `global_step`, as PyTorch Lightning saves it (`{"state_dict": {...}, ...}`).
///
/// Containers name nested entries with dots (`state_dict.lstm.weight_ih_l0`), as PyTorch names
/// a module's tensors; unwrapping keeps what is under `state_dict.`, named as it is there, and
/// leaves the rest of the checkpoint out.
enum StateDictWrapper {
  /// The key a wrapped state_dict sits under.
  static let key = "state_dict"

  /// `tensors` with a wrapped state_dict taken out, when it has one and holds no LSTM parameter
  /// outside it; else `tensors` as they are.
  static func unwrapped(_ tensors: TensorSet) -> TensorSet {
    let prefix = key + "."
    let wrapped = tensors.entries.filter { $0.name.hasPrefix(prefix) }
    guard
      wrapped.contains(where: { StateDictKey(String($0.name.dropFirst(prefix.count))) != nil }),
      !tensors.entries.contains(where: {
        !$0.name.hasPrefix(prefix) && StateDictKey($0.name) != nil
      })
    else { return tensors }
    let entries = wrapped.map { entry in entry.renamed(String(entry.name.dropFirst(prefix.count))) }
    return TensorSet(file: tensors.file, location: tensors.location, entries: entries)
  }
}

extension TensorSet.Entry {
  /// The entry under another name, from the same place.
  func renamed(_ name: String) -> TensorSet.Entry {
    switch self {
    case .tensor(var tensor):
      tensor.name = name
      return .tensor(tensor)
    case .unreadable(var found):
      found.name = name
      return .unreadable(found)
    }
  }
}
