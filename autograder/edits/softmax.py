"""Mistakes students make in assignment 06 (mutants) and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
"""

from autograder.submissions import Edit

SHIFT = "np.max(Z, axis=0, keepdims=True)"
EXP = f"T = np.exp(Z - {SHIFT})"
NORMALIZE = "A = T / np.sum(T, axis=0, keepdims=True)"
ZEROS = "Y = np.zeros((C, m))"
SET_ONES = "Y[labels, np.arange(m)] = 1"
COST = "cost = -np.sum(Y * np.log(AL)) / m"
DZ = "dZ = AL - Y"
ARGMAX = "labels = np.argmax(AL, axis=0)"

MUTANTS = [
    # softmax
    Edit("softmax", "no max subtraction: overflows for large logits", ((EXP, "T = np.exp(Z)"),), named_by="Subtract each column's largest logit before calling np.exp"),
    Edit("softmax", "subtracts the maximum of the whole matrix, not of each column", ((SHIFT, "np.max(Z)"),), named_by="not the largest of the whole matrix"),
    Edit("softmax", "wrong axis: rows sum to 1", ((SHIFT, "np.max(Z, axis=1, keepdims=True)"),
                                                  (NORMALIZE, "A = T / np.sum(T, axis=1, keepdims=True)")), named_by="Every ROW of the result sums to 1"),
    Edit("softmax", "normalizes over the rows only", ((NORMALIZE, "A = T / np.sum(T, axis=1, keepdims=True)"),), named_by="Every ROW of the result sums to 1"),
    Edit("softmax", "divides by the sum of the whole matrix", ((NORMALIZE, "A = T / np.sum(T)"),), named_by="All the entries TOGETHER sum to 1"),
    Edit("softmax", "shifted numerator over an unshifted sum",
         ((NORMALIZE, "A = T / np.sum(np.exp(Z), axis=0, keepdims=True)"),), named_by="the denominator sums np.exp(Z) unshifted"),
    Edit("softmax", "subtracts the column mean instead of the maximum",
         ((SHIFT, "np.mean(Z, axis=0, keepdims=True)"),), named_by="Subtract each column's MAXIMUM, not its mean"),
    Edit("softmax", "subtracts the maximum from Z in place", ((EXP, f"Z -= {SHIFT}\n    T = np.exp(Z)"),), named_by="softmax modified its input Z in place"),
    # one_hot
    Edit("one_hot", "transposed: one row per example", ((ZEROS, "Y = np.zeros((m, C))"),
                                                        (SET_ONES, "Y[np.arange(m), labels] = 1")), named_by="one row per example: it is transposed"),
    Edit("one_hot", "number of classes taken from the largest label", ((ZEROS, "Y = np.zeros((labels.max() + 1, m))"),), named_by="up to the largest label (2) only"),
    Edit("one_hot", "labels of shape (1, m) not flattened", (("labels = np.ravel(labels)\n    ", ""),), named_by="Flatten the labels first"),
    Edit("one_hot", "classes counted from 1", ((SET_ONES, "Y[labels - 1, np.arange(m)] = 1"),), named_by="Each 1 sits one row too high"),
    Edit("one_hot", "rows of the identity matrix, not transposed", ((f"{ZEROS}\n    {SET_ONES}", "Y = np.eye(C)[labels]"),), named_by="one row per example: it is transposed"),
    # compute_cost_softmax
    Edit("compute_cost_softmax", "missing 1/m: the sum instead of the mean", ((COST, "cost = -np.sum(Y * np.log(AL))"),), named_by="The cost is m times too large"),
    Edit("compute_cost_softmax", "mean over all C*m entries", ((COST, "cost = -np.mean(Y * np.log(AL))"),), named_by="np.mean(Y * np.log(AL)) divides by C*m"),
    Edit("compute_cost_softmax", "binary cross-entropy formula",
         ((COST, "cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m"),), named_by="That is the binary cross-entropy"),
    Edit("compute_cost_softmax", "m taken as the number of classes", (("m = Y.shape[1]", "m = Y.shape[0]"),), named_by="m = Y.shape[0] is the number of classes C"),
    Edit("compute_cost_softmax", "minus sign missing", ((COST, "cost = np.sum(Y * np.log(AL)) / m"),), named_by="needs the minus sign in front"),
    Edit("compute_cost_softmax", "clips AL to [1e-12, 1] before the log",
         ((COST, "cost = -np.sum(Y * np.log(np.clip(AL, 1e-12, 1))) / m"),), named_by="with a clip at 1e-12 it would count as 27.6"),
    Edit("compute_cost_softmax", "adds 1e-8 to AL before the log",
         ((COST, "cost = -np.sum(Y * np.log(AL + 1e-8)) / m"),), named_by="or AL + 1e-8 before the log changes the cost"),
    Edit("compute_cost_softmax", "returns the loss of every example",
         ((f"{COST}\n    return float(cost)", "cost = -np.sum(Y * np.log(AL), axis=0) / m\n    return cost"),), named_by="one value per example"),
    # softmax_backward
    Edit("softmax_backward", "Y - AL: the sign flipped", ((DZ, "dZ = Y - AL"),), named_by="dZ is Y - AL, the sign flipped"),
    Edit("softmax_backward", "divides by m here too", ((DZ, "dZ = (AL - Y) / AL.shape[1]"),), named_by="dZ is (AL - Y) / m"),
    Edit("softmax_backward", "subtracts Y from AL in place", ((DZ, "AL -= Y\n    dZ = AL"),), named_by="softmax_backward modified its input AL in place"),
    Edit("softmax_backward", "multiplies by the sigmoid's derivative", ((DZ, "dZ = (AL - Y) * AL * (1 - AL)"),), named_by="do not multiply by the sigmoid's derivative"),
    # predict_classes
    Edit("predict_classes", "arg max along the rows", ((ARGMAX, "labels = np.argmax(AL, axis=1)"),), named_by="the arg max along axis=1"),
    Edit("predict_classes", "returns a (1, m) row", ((ARGMAX, "labels = np.argmax(AL, axis=0).reshape(1, -1)"),), named_by="A (1, m) row is 2-D"),
    Edit("predict_classes", "returns the largest probability instead of its class", ((ARGMAX, "labels = np.max(AL, axis=0)"),), named_by="the largest probability of each column, not its class"),
    Edit("predict_classes", "arg max of the flattened matrix", ((ARGMAX, "labels = np.argmax(AL)"),), named_by="the whole flattened matrix"),
]

VARIANTS = [
    # softmax
    Edit("softmax", "no keepdims: (m,) rows broadcast against (C, m)",
         ((SHIFT, "np.max(Z, axis=0)"), (NORMALIZE, "A = T / np.sum(T, axis=0)"))),
    Edit("softmax", "log-sum-exp: exp of the logits minus their log-sum-exp",
         ((f"{EXP}\n    {NORMALIZE}",
           "shifted = Z - Z.max(axis=0)\n    A = np.exp(shifted - np.log(np.sum(np.exp(shifted), axis=0)))"),)),
    Edit("softmax", "works on the transpose, one row per example",
         ((f"{EXP}\n    {NORMALIZE}",
           "Zt = Z.T\n    T = np.exp(Zt - Zt.max(axis=1, keepdims=True))\n    A = (T / T.sum(axis=1, keepdims=True)).T"),)),
    Edit("softmax", "in place on a copy",
         ((f"{EXP}\n    {NORMALIZE}",
           "A = Z.astype(float)\n    A -= A.max(axis=0, keepdims=True)\n    np.exp(A, out=A)\n"
           "    A /= A.sum(axis=0, keepdims=True)"),)),
    # one_hot
    Edit("one_hot", "columns of the identity matrix", ((f"{ZEROS}\n    {SET_ONES}", "Y = np.eye(C)[:, labels]"),)),
    Edit("one_hot", "compares every class with every label",
         ((f"{ZEROS}\n    {SET_ONES}", "Y = (np.arange(C).reshape(C, 1) == labels.reshape(1, m)).astype(float)"),)),
    Edit("one_hot", "a loop over the examples, integer zeros",
         ((ZEROS, "Y = np.zeros((C, m), dtype=int)"), (SET_ONES, "for i in range(m):\n        Y[labels[i], i] = 1"))),
    # compute_cost_softmax
    Edit("compute_cost_softmax", "mean of minus the log-probability of each true class",
         ((COST, "cost = -np.mean(np.log(AL[Y == 1]))"),)),
    Edit("compute_cost_softmax", "takes the log only where Y is 1 (np.log with where=)",
         ((COST, "cost = -np.sum(np.log(AL, out=np.zeros_like(AL), where=Y == 1)) / m"),)),
    Edit("compute_cost_softmax", "probability of the true class first, then the log",
         ((COST, "cost = -np.sum(np.log(np.sum(AL * Y, axis=0))) / m"),)),
    Edit("compute_cost_softmax", "mean over the examples of the per-example sums, returned as a numpy float",
         ((f"{COST}\n    return float(cost)", "cost = -np.mean(np.sum(Y * np.log(AL), axis=0))\n    return cost"),)),
    # softmax_backward
    Edit("softmax_backward", "np.subtract", ((DZ, "dZ = np.subtract(AL, Y)"),)),
    Edit("softmax_backward", "minus (Y - AL)", ((DZ, "dZ = -(Y - AL)"),)),
    Edit("softmax_backward", "in place on a copy", ((DZ, "dZ = AL.copy()\n    dZ -= Y"),)),
    # predict_classes
    Edit("predict_classes", "the argmax method", ((ARGMAX, "labels = AL.argmax(axis=0)"),)),
    Edit("predict_classes", "arg max along the rows of the transpose, as int32",
         ((ARGMAX, "labels = np.argmax(AL.T, axis=1).astype(np.int32)"),)),
    Edit("predict_classes", "a loop over the columns",
         ((ARGMAX, "labels = np.array([int(np.argmax(AL[:, i])) for i in range(AL.shape[1])])"),)),
]

#: The mistakes of the example submission "mistakes".
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "no max subtraction: overflows for large logits"),
    next(m for m in MUTANTS if m.description == "missing 1/m: the sum instead of the mean"),
]
