"""A SavedModel checked from its bytes before TensorFlow loads anything.

``tf.saved_model.load`` runs code as it loads: every restored resource's ``_initialize``
function (a lookup table reading a text file, say) runs during the load, and whatever the object
graph names as a signature is what gets called afterwards, whatever ``signature_def`` says. So the
check does not follow the serving signature: it parses ``saved_model.pb`` with the protobuf
classes and requires every op of **every** function in the graph library, and every node of the
top-level graph, to be on an allow-list of tensor math, array, neural-network, control-flow and
variable ops. Ops that touch files (``WriteFile``, ``DatasetToTFRecord``, ``CacheDatasetV2``,
snapshot datasets, ``InitializeTableFromTextFileV2`` …), run Python (``PyFunc``), print or open
lookup tables are not on it, and neither is anything added to TensorFlow later: unknown means
refused.

One exception: the functions the saver's own nodes call (``saver_def``) save and restore the
variables with ``SaveV2``/``RestoreV2``. TensorFlow 2's loader never runs them (it restores
variables itself from ``variables/``), so those ops are allowed there, and only there, and only
when no object and no signature can reach those functions.

A SavedModel without an object graph (TensorFlow 1 format) is loaded by running its own
restore and init ops, so it is refused unless the caller trusts the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# fmt: off
ALLOWED_OPS = frozenset((
    # structure, constants, calls and control flow (called functions are checked themselves)
    "Const", "Identity", "IdentityN", "NoOp", "Placeholder", "PlaceholderWithDefault",
    "StopGradient", "PreventGradient", "EnsureShape", "CheckNumerics", "Snapshot",
    "PartitionedCall", "StatefulPartitionedCall", "While", "StatelessWhile", "If", "StatelessIf",
    "Case", "StatelessCase", "Switch", "Merge", "Enter", "Exit", "NextIteration", "LoopCond",
    "ControlTrigger", "Assert",
    # variables
    "VarHandleOp", "ReadVariableOp", "AssignVariableOp", "AssignAddVariableOp",
    "AssignSubVariableOp", "VarIsInitializedOp", "DisableCopyOnRead", "DestroyResourceOp",
    "ResourceGather", "ResourceGatherNd", "VariableShape",
    # arithmetic and comparisons
    "Abs", "Acos", "Acosh", "Add", "AddN", "AddV2", "Asin", "Asinh", "Atan", "Atan2", "Atanh",
    "Ceil", "ClipByValue", "Cos", "Cosh", "Digamma", "Div", "DivNoNan", "Elu", "Equal", "Erf",
    "Erfc", "Exp", "Expm1", "Floor", "FloorDiv", "FloorMod", "Greater", "GreaterEqual", "Inv",
    "IsFinite", "IsInf", "IsNan", "LeakyRelu", "Less", "LessEqual", "Lgamma", "Log", "Log1p",
    "LogicalAnd", "LogicalNot", "LogicalOr", "Maximum", "Minimum", "Mod", "Mul", "MulNoNan",
    "Neg", "NotEqual", "Pow", "RealDiv", "Reciprocal", "Relu", "Relu6", "Rint", "Round", "Rsqrt",
    "Selu", "Sigmoid", "Sign", "Sin", "Sinh", "Softplus", "Softsign", "Sqrt", "Square",
    "SquaredDifference", "Sub", "Tan", "Tanh", "TruncateDiv", "TruncateMod", "Xdivy", "Xlogy",
    "Xlog1py", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "LeftShift", "RightShift", "Invert",
    "Gelu", "ApproximateEqual", "Bucketize", "SelectV2", "Select",
    # reductions, matrices
    "All", "Any", "ArgMax", "ArgMin", "Max", "Mean", "Min", "Prod", "Sum", "EuclideanNorm",
    "Cumsum", "Cumprod", "CumulativeLogsumexp", "MatMul", "BatchMatMul", "BatchMatMulV2",
    "BatchMatMulV3", "Einsum", "MatrixBandPart", "MatrixDiag", "MatrixDiagV2", "MatrixDiagV3",
    "MatrixDiagPart", "MatrixDiagPartV2", "MatrixDiagPartV3", "MatrixSetDiag",
    "MatrixSetDiagV2", "MatrixSetDiagV3", "MatrixInverse", "Cholesky", "L2Loss",
    "SegmentSum", "SegmentMean", "SegmentMax", "SegmentMin", "UnsortedSegmentSum",
    "UnsortedSegmentMax", "UnsortedSegmentMin", "UnsortedSegmentProd",
    # neural-network ops
    "BiasAdd", "BiasAddV1", "Conv1D", "Conv2D", "Conv3D", "Conv2DBackpropInput",
    "Conv3DBackpropInputV2", "DepthwiseConv2dNative", "MaxPool", "MaxPoolV2", "MaxPool3D",
    "AvgPool", "AvgPool3D", "FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3",
    "Softmax", "LogSoftmax", "LRN", "TopKV2", "InTopKV2", "CudnnRNN", "CudnnRNNV2",
    "CudnnRNNV3", "CudnnRNNBackprop", "CudnnRNNBackpropV2", "CudnnRNNBackpropV3",
    "CudnnRNNParamsSize", "CudnnRNNParamsToCanonical", "CudnnRNNCanonicalToParams",
    "BlockLSTM", "BlockLSTMV2", "LSTMBlockCell", "GRUBlockCell",
    # shapes and array manipulation
    "BroadcastArgs", "BroadcastGradientArgs", "BroadcastTo", "Cast", "Bitcast", "Concat",
    "ConcatOffset", "ConcatV2", "DepthToSpace", "ExpandDims", "Fill", "Gather", "GatherNd",
    "GatherV2", "InvertPermutation", "LinSpace", "MirrorPad", "OneHot", "OnesLike", "Pack",
    "Pad", "PadV2", "Range", "Rank", "Reshape", "ReverseSequence", "ReverseV2", "ScatterNd",
    "Shape", "ShapeN", "Size", "Slice", "SpaceToDepth", "Split", "SplitV", "Squeeze",
    "StridedSlice", "Tile", "Transpose", "Unique", "Unpack", "Where", "ZerosLike",
    "TensorScatterUpdate", "TensorScatterAdd", "TensorScatterSub", "TensorScatterMax",
    "TensorScatterMin", "ClipByNorm", "Empty", "Qr", "Sort", "ListDiff", "SparseToDense",
    "TensorListFromTensor", "TensorListGetItem", "TensorListReserve", "TensorListSetItem",
    "TensorListStack", "TensorListLength", "TensorListElementShape", "TensorListPushBack",
    "TensorListPopBack", "EmptyTensorList", "TensorListConcatV2", "TensorListResize",
    # stateless randomness (dropout and noise layers at inference are identities, but may trace)
    "StatelessRandomUniformV2", "StatelessRandomNormalV2", "StatelessRandomGetKeyCounter",
    "StatelessRandomGetAlg", "StatelessRandomUniform", "StatelessRandomNormal",
    "StatelessTruncatedNormalV2", "StatelessRandomUniformFullIntV2", "RandomUniform",
    "RandomStandardNormal", "TruncatedNormal", "RandomUniformInt",
))
# fmt: on

#: Ops the saver's own functions need; TensorFlow 2 never runs them while loading.
SAVER_OPS = frozenset(
    (
        "SaveV2",
        "RestoreV2",
        "MergeV2Checkpoints",
        "ShardedFilename",
        "StringJoin",
        "StaticRegexFullMatch",
    )
)


def refused_ops(graph: Any) -> dict[str, str]:
    """Every op type of a MetaGraphDef outside the allow-list → where it was first seen
    (``function NAME`` or ``node NAME``), sorted by op type.

    ``graph`` is a ``MetaGraphDef``. Every library function is checked whether or not a
    signature reaches it; the saver's functions may also use :data:`SAVER_OPS`.
    """
    library = {f.signature.name: f for f in graph.graph_def.library.function}
    saver = _saver_functions(graph, library) - _reachable_from_objects(graph, library)
    found: dict[str, str] = {}
    for name in sorted(library):
        allowed = ALLOWED_OPS | SAVER_OPS if name in saver else ALLOWED_OPS
        for node in library[name].node_def:
            if node.op not in allowed and node.op not in library:
                found.setdefault(node.op, f"function {name}")
    for node in graph.graph_def.node:
        if node.op not in ALLOWED_OPS and node.op not in library:
            found.setdefault(node.op, f"node {node.name}")
    return dict(sorted(found.items()))


def unsafe_assets(graph: Any) -> list[str]:
    """Asset file names that would point outside the SavedModel's ``assets/`` folder."""
    names = [a.filename for a in graph.asset_file_def]
    names += [n.asset.filename for n in graph.object_graph_def.nodes if n.HasField("asset")]
    return sorted({n for n in names if _escapes(n)})


def _escapes(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or ":" in name


def _called(nodes: Iterable[Any], library: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for node in nodes:
        if node.op in library:
            found.add(node.op)
        for value in node.attr.values():
            if value.HasField("func"):
                found.add(value.func.name)
            if value.HasField("list"):
                found.update(f.name for f in value.list.func)
    return found


def _closure(start: set[str], library: dict[str, Any]) -> set[str]:
    seen: set[str] = set()
    pending = [n for n in start if n in library]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        pending.extend(n for n in _called(library[name].node_def, library) if n not in seen)
    return seen


def _saver_functions(graph: Any, library: dict[str, Any]) -> set[str]:
    saver = graph.saver_def
    names = {saver.restore_op_name, saver.save_tensor_name}
    wanted = {n.split(":")[0].lstrip("^") for n in names if n}
    nodes = [n for n in graph.graph_def.node if n.name in wanted]
    return _closure(_called(nodes, library), library)


def _reachable_from_objects(graph: Any, library: dict[str, Any]) -> set[str]:
    """Functions an object, a resource or a signature of the SavedModel may call."""
    start: set[str] = set()
    for node in graph.object_graph_def.nodes:
        kind = node.WhichOneof("kind")
        if kind == "function":
            start.update(node.function.concrete_functions)
        elif kind == "bare_concrete_function":
            start.add(node.bare_concrete_function.concrete_function_name)
    start.update(graph.object_graph_def.concrete_functions.keys())
    top = {n.name: n for n in graph.graph_def.node}
    signature_nodes = [
        top[t.name.split(":")[0]]
        for s in graph.signature_def.values()
        for t in [*s.inputs.values(), *s.outputs.values()]
        if t.name.split(":")[0] in top
    ]
    start.update(_called(signature_nodes, library))
    return _closure(start, library)
