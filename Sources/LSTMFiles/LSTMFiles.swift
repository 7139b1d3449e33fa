// LSTMFiles: bytes → Lesson.
//
// Holds: the JSON and CSV readers, containers that yield named tensors (the JSON state_dict
// today), naming schemes that map named tensors to a model (PyTorch's nn.LSTM), lesson decoding
// and validation, lesson sources (LESSON, --model, --sequences, --input) and the built-in lesson.
// Tensors/ holds the seam (NamedTensor, TensorSet), Containers/ one file a format (JSONStateDict),
// Naming/ one file a layout (PyTorchLSTMNaming). Every error names the file and the place, as a
// `LessonError`. Nothing in a file is executed. And back: `LessonEncoding` writes a Lesson as
// JSON that loads back bit for bit.
// Imports: LSTMCore only. It reads bytes handed to it; opening files is the caller's (lstmviz).
