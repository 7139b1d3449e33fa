/// The cells lstmviz teaches: the LSTM, and its plain-RNN twin.
public enum CellModel: Sendable, Equatable {
  /// An LSTM cell: four gates, an LTM and an STM.
  case lstm(LSTMModel)
  /// A plain RNN: `STM_t = tanh(W_stm·STM_{t−1} + W_in·input_t + b)`, no gates, no LTM.
  case rnn(RNNModel)

  /// The size m of each input.
  public var inputSize: Int {
    switch self {
    case .lstm(let model): model.inputSize
    case .rnn(let model): model.inputSize
    }
  }

  /// The size n of the STM (and of the LSTM's LTM).
  public var hiddenSize: Int {
    switch self {
    case .lstm(let model): model.hiddenSize
    case .rnn(let model): model.hiddenSize
    }
  }

  /// Whether this is the scalar cell (n = m = 1).
  public var isScalar: Bool { inputSize == 1 && hiddenSize == 1 }
}
