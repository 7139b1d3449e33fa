/// How PyTorch holds a cell's numbers, beyond what the cell computes with: the module its
/// parameters belong to, and its two biases, `bias_ih` and `bias_hh`, which add up to the bias
/// the cell uses.
///
/// A lesson whose model came from a state_dict keeps its layout, so that training updates each
/// bias as `torch.optim` does (they are two parameters, each with its own gradient and state)
/// and saving writes the parameters back under their own names.
public struct TorchLayout: Sendable, Equatable, Hashable {
  /// What the parameters' names start with: the module path, such as `lstm.`, or nothing.
  public var prefix: String
  /// Whether the names end in a layer suffix such as `_l0` (`nn.LSTM`, `nn.RNN`) or have none
  /// (`nn.LSTMCell`).
  public var layered: Bool
  /// `bias_ih`, in PyTorch's order (for the LSTM four blocks of n, i, f, g, o), or nil when the
  /// file has none.
  public var inputBias: [Double]?
  /// `bias_hh`, laid out as `inputBias`, or nil when the file has none.
  public var stmBias: [Double]?

  /// Makes a layout.
  public init(
    prefix: String = "", layered: Bool = true, inputBias: [Double]? = nil,
    stmBias: [Double]? = nil
  ) {
    self.prefix = prefix
    self.layered = layered
    self.inputBias = inputBias
    self.stmBias = stmBias
  }

  /// The bias the cell uses, `count` numbers: `bias_ih + bias_hh`, or the one the file has, or
  /// zeros. Every loader sums the two here, so that a saved split reads back bit for bit.
  public static func summedBias(
    inputBias: [Double]?, stmBias: [Double]?, count: Int
  ) -> [Double] {
    switch (inputBias, stmBias) {
    case (let input?, let stm?): zip(input, stm).map { $0 + $1 }
    case (let input?, nil): input
    case (nil, let stm?): stm
    case (nil, nil): [Double](repeating: 0, count: count)
    }
  }

  /// This layout with its two biases made to add up to exactly `bias` (PyTorch's order), as
  /// `summedBias` adds them: each pair that already does is kept; where the cell's bias was
  /// changed, `bias_ih` takes the difference, or (when the difference does not add back
  /// exactly) the whole bias, with `bias_hh` 0. A bias the file did not have is added only if
  /// the cell's bias is no longer zero.
  public func agreeing(withBias bias: [Double]) -> TorchLayout {
    var layout = self
    func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern }
    switch (inputBias, stmBias) {
    case (var input?, let stm?) where input.count == bias.count && stm.count == bias.count:
      var stm = stm
      for k in bias.indices where !same(input[k] + stm[k], bias[k]) {
        let difference = bias[k] - stm[k]
        if same(difference + stm[k], bias[k]) {
          input[k] = difference
        } else {
          (input[k], stm[k]) = (bias[k], bias[k].sign == .minus ? -0.0 : 0)
        }
      }
      (layout.inputBias, layout.stmBias) = (input, stm)
    case (nil, let stm?) where stm.count == bias.count:
      layout.stmBias = bias
    case (nil, nil) where bias.allSatisfy({ same($0, 0) }):
      break
    default:
      (layout.inputBias, layout.stmBias) = (bias, nil)
    }
    return layout
  }
}

extension LSTMModel {
  /// Every gate's bias in PyTorch's order (i, f, g, o), as `bias_ih` and `bias_hh` lay it out.
  public var torchOrderBias: [Double] {
    Gate.pytorchOrder.flatMap { gates[$0].bias }
  }
}
