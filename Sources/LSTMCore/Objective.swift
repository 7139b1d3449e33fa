/// What backpropagation differentiates: a number J made from the STM after the last step.
public enum Objective: Sendable, Equatable {
  /// J = the prediction of one hidden unit, `STM_T[unit]` (unit 0 is the one users call unit 1).
  case prediction(unit: Int = 0)
  /// J = the loss `Σ_u (STM_T[u] − target_u)²`, the sum of squared residuals.
  case loss(target: [Double])

  /// Whether the objective fits a cell of hidden size `hiddenSize`: the unit is one of its
  /// units, or the target has one value a unit.
  public func fits(hiddenSize: Int) -> Bool {
    switch self {
    case .prediction(let unit): unit >= 0 && unit < hiddenSize
    case .loss(let target): target.count == hiddenSize
    }
  }

  /// J for `prediction`, the STM after the last step (n values).
  public func value(prediction: ArraySlice<Double>) -> Double {
    switch self {
    case .prediction(let unit):
      return prediction[prediction.startIndex + unit]
    case .loss(let target):
      var sum = 0.0
      for (stm, wanted) in zip(prediction, target) {
        let residual = stm - wanted
        sum += residual * residual
      }
      return sum
    }
  }

  /// ∂J/∂STM_T[unit], the gradient J itself puts on unit `unit` of the last STM: 1 or 0 for a
  /// prediction, `2·(STM_T[unit] − target_unit)` for the loss.
  public func stmGradient(unit: Int, prediction: ArraySlice<Double>) -> Double {
    switch self {
    case .prediction(let wanted):
      return unit == wanted ? 1 : 0
    case .loss(let target):
      return 2 * (prediction[prediction.startIndex + unit] - target[unit])
    }
  }
}
