import CLSTMKernels

/// How training moves the parameters after each epoch: `torch.optim.Adam` or `torch.optim.SGD`,
/// in float64, with each number computed as torch computes it (`_single_tensor_adam`,
/// `_single_tensor_sgd`, the code torch runs for parameters on the CPU).
public enum Optimizer: Sendable, Equatable {
  /// Adam, bias-corrected, without weight decay or amsgrad:
  /// ```
  /// m ← m + (1 − β1)·(g − m)        v ← v·β2 + (1 − β2)·g·g
  /// w ← w − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)
  /// ```
  case adam(
    learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8)
  /// Stochastic gradient descent (here on the whole batch), with torch's momentum: the buffer is
  /// the gradient itself at the first step, then `buf ← momentum·buf + g`; `w ← w − lr·buf`.
  /// With momentum 0, `w ← w − lr·g`.
  case sgd(learningRate: Double, momentum: Double = 0)

  /// The learning rate, lr.
  public var learningRate: Double {
    switch self {
    case .adam(let learningRate, _, _, _), .sgd(let learningRate, _): learningRate
    }
  }
}

/// What an optimizer keeps between steps, for every parameter (one number each): Adam's two
/// moments, or SGD's momentum buffer.
public struct OptimizerState: Sendable, Equatable {
  /// Steps taken so far, t.
  public private(set) var step = 0
  /// Adam's first moment m (`exp_avg`), or SGD's momentum buffer; empty before the first step
  /// (and for SGD without momentum).
  public private(set) var firstMoments: [Double] = []
  /// Adam's second moment v (`exp_avg_sq`); empty before the first step and for SGD.
  public private(set) var secondMoments: [Double] = []

  /// A state before the first step.
  public init() {}

  /// One step of `optimizer`: moves `parameters` down `gradient` (one number each) and updates
  /// the state, each number as torch computes it.
  public mutating func update(
    _ parameters: inout [Double], gradient: [Double], optimizer: Optimizer
  ) {
    precondition(parameters.count == gradient.count)
    step += 1
    switch optimizer {
    case .adam(let learningRate, let beta1, let beta2, let epsilon):
      if firstMoments.isEmpty {
        firstMoments = [Double](repeating: 0, count: parameters.count)
        secondMoments = firstMoments
      }
      let corrections = AdamCorrections(step: step, beta1: beta1, beta2: beta2)
      let stepSize = learningRate / corrections.first
      let (keep1, keep2) = (1 - beta1, 1 - beta2)
      for k in parameters.indices {
        let g = gradient[k]
        // exp_avg.lerp_(grad, 1 - beta1): start + w·(end − start) for a weight below 0.5.
        let m =
          keep1 < 0.5
          ? firstMoments[k] + keep1 * (g - firstMoments[k])
          : g - (g - firstMoments[k]) * (1 - keep1)
        // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2).
        let v = secondMoments[k] * beta2 + keep2 * g * g
        firstMoments[k] = m
        secondMoments[k] = v
        // denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps), then
        // param.addcdiv_(exp_avg, denom, value=-step_size).
        let denominator = v.squareRoot() / corrections.secondRoot + epsilon
        parameters[k] = parameters[k] + -stepSize * m / denominator
      }
    case .sgd(let learningRate, let momentum):
      var direction = gradient
      if momentum != 0 {
        if firstMoments.isEmpty {
          firstMoments = gradient
        } else {
          for k in firstMoments.indices {
            firstMoments[k] = firstMoments[k] * momentum + gradient[k]
          }
        }
        direction = firstMoments
      }
      for k in parameters.indices {
        parameters[k] = parameters[k] + -learningRate * direction[k]
      }
    }
  }

  /// Every number of the last step for parameter `k`, from its gradient `gradient` and the
  /// value it had before (`before`) and has after (`after`); nil before the first step.
  public func numbers(
    of k: Int, gradient: Double, before: Double, after: Double, optimizer: Optimizer
  ) -> UpdateNumbers? {
    guard step > 0 else { return nil }
    var numbers = UpdateNumbers(
      step: step, gradient: gradient, before: before, after: after, change: after - before)
    switch optimizer {
    case .adam(let learningRate, let beta1, let beta2, let epsilon):
      let corrections = AdamCorrections(step: step, beta1: beta1, beta2: beta2)
      let (m, v) = (firstMoments[k], secondMoments[k])
      numbers.adam = .init(
        firstMoment: m, secondMoment: v, firstCorrected: m / corrections.first,
        secondCorrected: v / corrections.second,
        step: -(learningRate / corrections.first) * m
          / (v.squareRoot() / corrections.secondRoot + epsilon))
    case .sgd(_, let momentum):
      numbers.momentumBuffer = momentum != 0 ? firstMoments[k] : nil
    }
    return numbers
  }
}

/// Adam's bias corrections at step t: `1 − β1ᵗ` and `√(1 − β2ᵗ)`, with the C library's `pow`
/// as Python's `**` computes them.
struct AdamCorrections {
  /// `1 − β1ᵗ`, bias_correction1.
  let first: Double
  /// `1 − β2ᵗ`, bias_correction2.
  let second: Double
  /// `(1 − β2ᵗ)^0.5`, bias_correction2_sqrt.
  let secondRoot: Double

  /// The corrections at step `step` (from 1).
  init(step: Int, beta1: Double, beta2: Double) {
    first = 1 - lstmviz_power(beta1, Double(step))
    second = 1 - lstmviz_power(beta2, Double(step))
    secondRoot = lstmviz_power(second, 0.5)
  }
}

/// Every number of one update of one parameter, for showing it: the gradient, what the
/// optimizer made of it, and the parameter before and after.
public struct UpdateNumbers: Sendable, Equatable {
  /// Adam's numbers for one parameter.
  public struct Adam: Sendable, Equatable {
    /// m after the step.
    public var firstMoment: Double
    /// v after the step.
    public var secondMoment: Double
    /// m̂ = m / (1 − β1ᵗ).
    public var firstCorrected: Double
    /// v̂ = v / (1 − β2ᵗ).
    public var secondCorrected: Double
    /// The step as Adam takes it, `−lr·m̂ / (√v̂ + ε)` (with √v̂ as torch computes it,
    /// `√v / √(1 − β2ᵗ)`).
    public var step: Double
  }

  /// t, the step's number (from 1).
  public var step: Int
  /// ∂L/∂w.
  public var gradient: Double
  /// w before the step.
  public var before: Double
  /// w after the step.
  public var after: Double
  /// `after − before`.
  public var change: Double
  /// Adam's m, v, m̂, v̂ and step; nil for SGD.
  public var adam: Adam?
  /// SGD's momentum buffer after the step; nil for Adam and for SGD without momentum.
  public var momentumBuffer: Double?
}
