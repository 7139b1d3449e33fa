import Testing

@testable import LSTMCore
@testable import LSTMFiles

/// The named-tensor seam: a container yields tensors by name, a naming scheme maps them to a
/// model, and neither knows the other.
@Suite struct TensorSeamTests {
  /// A JSON state_dict read as `JSONStateDict` reads it, from `file`.
  func jsonTensors(_ text: String, file: String = "m.json") throws -> TensorSet {
    let node = try JSONParser.parse(Array(text.utf8), file: file)
    guard case .object(let members) = node.value else { throw LessonError.notAnObject }
    return JSONStateDict.tensors(
      members, of: node, at: .root, fields: JSONFields(site: JSONErrorSite(file: file)))
  }

  @Test func jsonStateDictYieldsNamedTensorsWithShapesValuesAndLocations() throws {
    let tensors = try jsonTensors(
      """
      {
        "lstm.weight_ih_l0": [[1, 2],
          [3, 4]],
        "lstm.bias_ih_l0": [0.5, 1.5],
        "fc.scale": 3,
        "fc.note": "hello",
        "fc.ragged": [[1], [2, 3]]
      }
      """)
    #expect(tensors.file == "m.json")
    #expect(tensors.location == "line 1")
    #expect(
      tensors.names == [
        "lstm.weight_ih_l0", "lstm.bias_ih_l0", "fc.scale", "fc.note", "fc.ragged",
      ])
    #expect(tensors.tensors.map(\.shape) == [[2, 2], [2], []])
    #expect(tensors.tensors.map(\.values) == [[1, 2, 3, 4], [0.5, 1.5], [3]])
    let ih = try #require(tensors.tensors.first)
    #expect(ih.origin.location == #"["lstm.weight_ih_l0"] (line 2)"#)
    #expect(ih.origin.location(ofRow: 1) == #"["lstm.weight_ih_l0"][1] (line 3)"#)
    #expect(tensors.tensors[1].origin.location(ofElement: 1) == #"["lstm.bias_ih_l0"][1] (line 4)"#)

    // What is not a tensor is kept, and refused only when read, in the words of what it
    // should have been.
    let note = try #require(tensors["fc.note"])
    #expect(
      throws: LessonError(
        file: "m.json", location: #"["fc.note"] (line 6)"#,
        message: "expected a bias (a list), found a string")
    ) {
      try tensors.vector(note, what: "a bias")
    }
    let ragged = try #require(tensors["fc.ragged"])
    #expect(
      throws: LessonError(
        file: "m.json", location: #"["fc.ragged"][1] (line 7)"#,
        message: "the row has 2 numbers, but row 0 has 1: rows must be equally long")
    ) {
      try tensors.matrix(ragged, columns: nil, why: "")
    }
  }

  /// Tensors as a binary container would give them: places, no lines.
  func handBuilt(_ named: [(String, [Int], [Double])], file: String = "m.safetensors")
    -> TensorSet
  {
    TensorSet(
      file: file, location: nil,
      entries: named.enumerated().map { k, tensor in
        .tensor(
          NamedTensor(
            name: tensor.0, shape: tensor.1, values: tensor.2,
            origin: TensorOrigin(place: "data/\(k)")))
      })
  }

  @Test func pyTorchNamingMapsBlocksIFGOToTheGatesAndSumsTheBiases() throws {
    let tensors = handBuilt([
      ("weight_ih_l0", [4, 1], [1, 2, 3, 4]),
      ("weight_hh_l0", [4, 1], [5, 6, 7, 8]),
      ("bias_ih_l0", [4], [0.5, 0.5, 0.5, 0.5]),
      ("bias_hh_l0", [4], [10, 20, 30, 40]),
    ])
    let model = try PyTorchLSTMNaming.model(tensors, layer: 0)
    let gates = model.shown.gates
    #expect(
      [gates.input, gates.forget, gates.candidate, gates.output].map { $0.inputWeights[0, 0] }
        == [1, 2, 3, 4])
    #expect(
      [gates.input, gates.forget, gates.candidate, gates.output].map { $0.stmWeights[0, 0] }
        == [5, 6, 7, 8])
    #expect(
      [gates.input, gates.forget, gates.candidate, gates.output].map(\.bias)
        == [[10.5], [20.5], [30.5], [40.5]])
    #expect(model.layerCount == 1 && model.ignoredModules.isEmpty && model.titleNote == nil)
  }

  @Test func pyTorchNamingTakesThePrefixTheLayersAndLeavesOtherModulesOut() throws {
    let tensors = handBuilt([
      ("lstm.weight_ih_l0", [8, 3], Array(repeating: 0.1, count: 24)),
      ("lstm.weight_hh_l0", [8, 2], Array(repeating: 0.2, count: 16)),
      ("lstm.weight_ih_l1", [8, 2], Array(repeating: 0.3, count: 16)),
      ("lstm.weight_hh_l1", [8, 2], Array(repeating: 0.4, count: 16)),
      ("fc.weight", [1, 2], [1, 1]),
    ])
    let model = try PyTorchLSTMNaming.model(tensors, layer: 1)
    #expect(model.layer == 1 && model.layerCount == 2 && model.ignoredModules == ["fc"])
    #expect(model.inputSize == 3 && model.shown.inputSize == 2 && model.shown.hiddenSize == 2)
    #expect(model.shown.gates.forget.inputWeights[1, 1] == 0.3)
  }

  @Test func pyTorchNamingNamesTheTensorAtFault() {
    let tensors = handBuilt([
      ("weight_ih_l0", [4, 1], [1, 2, 3, 4]), ("weight_hh_l0", [3, 1], [1, 2, 3]),
    ])
    #expect(
      throws: LessonError(
        file: "m.safetensors", location: "data/1",
        message: "has 3 rows; an LSTM's weight_hh has 4n rows (blocks i, f, g, o of n units each)"
      )
    ) {
      try PyTorchLSTMNaming.model(tensors, layer: 0)
    }
    let missing = handBuilt([("weight_ih_l0", [4, 1], [1, 2, 3, 4])])
    #expect(
      throws: LessonError(
        file: "m.safetensors", location: nil, message: "the state_dict is missing weight_hh_l0")
    ) {
      try PyTorchLSTMNaming.model(missing, layer: 0)
    }
  }

  @Test func overflowIsTypedInTheCoreAndWordedInFiles() throws {
    var weights = PerGate { _ in GateWeights(stmWeight: 0, inputWeight: 1, bias: 0) }
    weights.forget = GateWeights(stmWeight: 0, inputWeight: 1e308, bias: 0)
    let model = try LSTMModel(scalar: weights)
    let overflow = model.firstOverflow(on: InputSequence(name: "a", values: [0, 10]))
    let expected = NonFiniteValue.gateX(gate: .forget, unit: 0, units: 1, isNaN: false)
    #expect(overflow == StepOverflow(t: 2, value: expected))
    #expect(expected.words == "the forget gate's x overflows (is too large for a Double)")
    let stack = LSTMStack(lower: [model], shown: model)
    let result = stack.shownInputs(of: InputSequence(name: "a", values: [0, 10]))
    #expect(result == .failure(LayerOverflow(layer: 0, step: StepOverflow(t: 2, value: expected))))
  }
}

extension LessonError {
  /// A test's document that is not an object.
  fileprivate static let notAnObject = LessonError(
    file: nil, location: nil, message: "not an object")
}
