"""Mistakes students make in assignment 09, the capstone (mutants), and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
A variant that changes what a forward pass caches must change its backward pass too; as an
edit touches one cell, such a variant of a backward pass also wraps the forward pass
defined before it (the notebook's later definition wins), repacking its cache.
"""

from autograder.submissions import Edit

# init_network
HE_DRAW = "rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * np.sqrt(2 / layer_dims[l - 1])"
BIAS = 'params[f"b{l}"] = np.zeros((layer_dims[l], 1))'
HIDDEN_ONLY = "if batchnorm and l < L:"
GAMMA = 'params[f"gamma{l}"] = np.ones((layer_dims[l], 1))'
BETA = 'params[f"beta{l}"] = np.zeros((layer_dims[l], 1))'
# affine_forward, affine_backward
AFFINE = "Z = W @ A_prev + b"
AFFINE_CACHE = "cache = (A_prev, W)"
DW = "dW = dZ @ A_prev.T"
DB = "db = np.sum(dZ, axis=1, keepdims=True)"
DA_PREV = "dA_prev = W.T @ dZ"
# relu
RELU = "A = np.maximum(0, Z)"
RELU_BACKWARD = "dZ = dA * (Z > 0)"
# dropout
DROP_EARLY = "if not train or keep_prob == 1:\n        return A, None"
MASK = "mask = rng.random(A.shape) < keep_prob"
DROP_OUT = "out = A * mask / keep_prob"
DROP_BACKWARD = "dA = dout * mask / keep_prob"
NONE_CACHE = "if cache is None:\n        return dout\n    "
# batchnorm_forward, batchnorm_backward
BN_MEAN = "mu = Z.mean(axis=1, keepdims=True)"
BN_VAR = "var = Z.var(axis=1, keepdims=True)"
RUNNING_MEAN = '\n        running["mean"] = momentum * running["mean"] + (1 - momentum) * mu'
RUNNING_VAR = '\n        running["var"] = momentum * running["var"] + (1 - momentum) * var'
TEST_STATS = 'mu, var = running["mean"], running["var"]'
STD = "std = np.sqrt(var + eps)"
BN_OUT = "out = gamma * Z_norm + beta"
DBETA = "dbeta = np.sum(dout, axis=1, keepdims=True)"
DGAMMA = "dgamma = np.sum(dout * Z_norm, axis=1, keepdims=True)"
BN_DZ = "dZ = gamma / (m * std) * (m * dout - dbeta - Z_norm * dgamma)"
# softmax_cross_entropy
SHIFT = "shifted = Z - Z.max(axis=0, keepdims=True)"
LOG_PROBS = "log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))"
CE = "loss = -np.sum(Y * log_probs) / m"
CE_DZ = "dZ = (np.exp(log_probs) - Y) / m"
# network_forward
BN_CALL = ('bn_cache = None\n        if options["batchnorm"]:\n            Z, bn_cache = batchnorm_forward(Z, '
           'params[f"gamma{l}"], params[f"beta{l}"], running[l], train)')
RELU_CALL = "A, relu_cache = relu_forward(Z)"
DROPOUT_CALL = 'A, dropout_cache = dropout_forward(A, options["keep_prob"], rng, train)'
OUTPUT = 'scores, affine_cache = affine_forward(A, params[f"W{L}"], params[f"b{L}"])'
HIDDEN_LOOP = "for l in range(1, L):"
# network_loss
FORWARD_CALL = "scores, caches = network_forward(params, X, options, running, rng, train=True)"
L2_LOSS = 'loss += lambd / (2 * m) * sum(np.sum(params[f"W{l}"] ** 2) for l in range(1, L + 1))'
OUTPUT_BACKWARD = 'dA, grads[f"W{L}"], grads[f"b{L}"] = affine_backward(dZ, caches[L - 1])'
BACKWARD_LOOP = "for l in range(L - 1, 0, -1):"
DROPOUT_BACKWARD_CALL = "dA = dropout_backward(dA, dropout_cache)\n        "
RELU_BACKWARD_CALL = "dZ = relu_backward(dA, relu_cache)"
BN_BACKWARD_CALL = ('\n        if bn_cache is not None:\n            dZ, grads[f"gamma{l}"], grads[f"beta{l}"] = '
                    'batchnorm_backward(dZ, bn_cache)')
LAYER_BACKWARD = 'dA, grads[f"W{l}"], grads[f"b{l}"] = affine_backward(dZ, affine_cache)'
L2_GRADIENT = '\n    for l in range(1, L + 1):\n        grads[f"W{l}"] += lambd / m * params[f"W{l}"]'
# train_epoch
ORDER = "order = rng.permutation(m)"
EPOCH_LOOP = "for start in range(0, m, batch_size):"
BATCH_CALL = "loss, grads = loss_and_grads(params, X[:, batch], Y[:, batch])"
UPDATE = "params = update(params, grads)"
ACCUMULATE = "total += loss * len(batch)"
EPOCH_LOSS = "epoch_loss = total / m"

MUTANTS = [
    # init_network
    Edit("init_network", "Xavier's scale sqrt(1 / n[l-1]) instead of He's",
         ((HE_DRAW, HE_DRAW.replace("np.sqrt(2 /", "np.sqrt(1 /")),), named_by="the scale of Xavier's initialization"),
    Edit("init_network", "He scale from n[l] instead of n[l-1]",
         ((HE_DRAW, HE_DRAW.replace("np.sqrt(2 / layer_dims[l - 1])", "np.sqrt(2 / layer_dims[l])")),),
         named_by="from the layer's own size"),
    Edit("init_network", "multiplies by the variance 2 / n[l-1] instead of its square root",
         ((HE_DRAW, HE_DRAW.replace("np.sqrt(2 / layer_dims[l - 1])", "(2 / layer_dims[l - 1])")),),
         named_by="That is 2 / n[l-1], the variance"),
    Edit("init_network", "W of shape (n[l-1], n[l])",
         ((HE_DRAW, HE_DRAW.replace("(layer_dims[l], layer_dims[l - 1])", "(layer_dims[l - 1], layer_dims[l])")),),
         named_by="(n[l-1], n[l]), transposed"),
    Edit("init_network", "the output layer gets gamma and beta too", ((HIDDEN_ONLY, "if batchnorm:"),),
         named_by="the output layer 3 got batch norm"),
    Edit("init_network", "batchnorm ignored: no gamma and beta",
         ((f"\n        {HIDDEN_ONLY}\n            {GAMMA}\n            {BETA}", ""),), named_by="has no gamma or beta"),
    Edit("init_network", "gamma zeros and beta ones",
         ((GAMMA, GAMMA.replace("np.ones", "np.zeros")), (BETA, BETA.replace("np.zeros", "np.ones"))),
         named_by="they got each other's values"),
    Edit("init_network", "hidden layers without a bias when batch norm is on (as in assignment 05)",
         ((BIAS, f"if not batchnorm or l == L:\n            {BIAS}"),), named_by="every layer keeps its bias"),
    Edit("init_network", "draws from the global numpy state, ignoring rng",
         ((HE_DRAW, HE_DRAW.replace("rng.standard_normal((layer_dims[l], layer_dims[l - 1]))",
                                    "np.random.randn(layer_dims[l], layer_dims[l - 1])")),),
         named_by="Two calls with rng seeded alike gave different parameters"),
    # affine_forward
    Edit("affine_forward", "forgets the bias", ((AFFINE, "Z = W @ A_prev"),), named_by="leaves out the bias b"),
    Edit("affine_forward", "A_prev.T @ W.T: one row per example", ((AFFINE, "Z = A_prev.T @ W.T + b.T"),),
         named_by="it is transposed"),
    Edit("affine_forward", "W.T @ A_prev", ((AFFINE, "Z = W.T @ A_prev + b"),), named_by="Use W as it is (no .T)"),
    Edit("affine_forward", "W * A_prev, entry by entry", ((AFFINE, "Z = W * A_prev + b"),),
         named_by="* multiplies entry by entry"),
    Edit("affine_forward", "cache in the wrong order", ((AFFINE_CACHE, "cache = (W, A_prev)"),),
         named_by="the cache holds (W, A_prev), in the wrong order"),
    Edit("affine_forward", "caches b too", ((AFFINE_CACHE, "cache = (A_prev, W, b)"),),
         named_by="It holds exactly two entries"),
    Edit("affine_forward", "caches Z instead of A_prev", ((AFFINE_CACHE, "cache = (Z, W)"),),
         named_by="the cache holds Z where A_prev is expected"),
    # affine_backward
    Edit("affine_backward", "divides dW by m again", ((DW, "dW = dZ @ A_prev.T / dZ.shape[1]"),),
         named_by="dW: your result is divided by m = 4"),
    Edit("affine_backward", "db without keepdims", ((DB, DB.replace(", keepdims=True", "")),),
         named_by="db has shape (2,), without keepdims"),
    Edit("affine_backward", "db as the mean of dZ", ((DB, DB.replace("np.sum", "np.mean")),),
         named_by="db: your result is the mean of dZ over the examples"),
    Edit("affine_backward", "db summed over axis 0", ((DB, DB.replace("axis=1", "axis=0")),),
         named_by="summed over axis 0 (the units)"),
    Edit("affine_backward", "dW = A_prev @ dZ.T, transposed", ((DW, "dW = A_prev @ dZ.T"),),
         named_by="dW has shape (3, 2), the transpose of W's"),
    Edit("affine_backward", "dA_prev = dZ.T @ W, W.T on the wrong side", ((DA_PREV, "dA_prev = dZ.T @ W"),),
         named_by="W^T on the left"),
    Edit("affine_backward", "dA_prev = W @ dZ, without the transpose", ((DA_PREV, "dA_prev = W @ dZ"),),
         named_by="In each product the inner sizes must match"),
    # relu_forward
    Edit("relu_forward", "leaky ReLU", ((RELU, "A = np.maximum(0.01 * Z, Z)"),), named_by="is a leaky ReLU"),
    Edit("relu_forward", "absolute value", ((RELU, "A = np.abs(Z)"),), named_by="is |Z|"),
    Edit("relu_forward", "np.minimum instead of np.maximum", ((RELU, "A = np.minimum(0, Z)"),), named_by="is min(0, Z)"),
    Edit("relu_forward", "returns the derivative (Z > 0)", ((RELU, "A = (Z > 0).astype(float)"),),
         named_by="the derivative of ReLU, not ReLU"),
    Edit("relu_forward", "zeroes the negative entries of Z in place", ((RELU, "Z[Z < 0] = 0\n    A = Z"),),
         named_by="relu_forward modified its input Z in place"),
    # relu_backward
    Edit("relu_backward", "Z >= 0: the gradient passes where Z == 0", ((RELU_BACKWARD, "dZ = dA * (Z >= 0)"),),
         named_by="passes dA on where Z == 0 too"),
    Edit("relu_backward", "mask from dA > 0 instead of Z > 0", ((RELU_BACKWARD, "dZ = dA * (dA > 0)"),),
         named_by="the mask comes from dA instead of Z"),
    Edit("relu_backward", "multiplies dA by Z", ((RELU_BACKWARD, "dZ = dA * Z"),), named_by="is dA * Z"),
    Edit("relu_backward", "the derivative without dA", ((RELU_BACKWARD, "dZ = (Z > 0).astype(float)"),),
         named_by="is the derivative (Z > 0) without dA"),
    Edit("relu_backward", "zeroes dA in place", ((RELU_BACKWARD, "dA[Z <= 0] = 0\n    dZ = dA"),),
         named_by="relu_backward modified its input dA in place"),
    # dropout_forward
    Edit("dropout_forward", "no division by keep_prob", ((DROP_OUT, "out = A * mask"),),
         named_by="does not divide them by keep_prob"),
    Edit("dropout_forward", "divides by 1 - keep_prob", ((DROP_OUT, "out = A * mask / (1 - keep_prob)"),),
         named_by="divides the kept units by 1 - keep_prob"),
    Edit("dropout_forward", "keeps a unit when its draw is above keep_prob", ((MASK, MASK.replace("<", ">")),),
         named_by="ABOVE keep_prob"),
    Edit("dropout_forward", "dropout applied at test time", ((DROP_EARLY, DROP_EARLY.replace("not train or ", "")),),
         named_by="applies dropout at test time"),
    Edit("dropout_forward", "scales A by keep_prob at test time",
         ((DROP_EARLY, "if not train:\n        return A * keep_prob, None\n    if keep_prob == 1:\n        return A, None"),),
         named_by="scales A by keep_prob at test time"),
    Edit("dropout_forward", "one draw per unit, shared by the examples",
         ((MASK, "mask = rng.random((A.shape[0], 1)) < keep_prob"),), named_by="uses one draw per unit"),
    Edit("dropout_forward", "standard normal draws", ((MASK, "mask = rng.standard_normal(A.shape) < keep_prob"),),
         named_by="not with rng.standard_normal"),
    Edit("dropout_forward", "draws from the global numpy state", ((MASK, "mask = np.random.rand(*A.shape) < keep_prob"),),
         named_by="Two calls with rng seeded alike gave different outputs"),
    Edit("dropout_forward", "a generator with a fixed seed instead of rng",
         ((MASK, "mask = np.random.default_rng(0).random(A.shape) < keep_prob"),),
         named_by="Do not create a generator with a fixed seed inside the function"),
    # dropout_backward
    Edit("dropout_backward", "no division by keep_prob", ((DROP_BACKWARD, "dA = dout * mask"),),
         named_by="without dividing by keep_prob"),
    Edit("dropout_backward", "divides by 1 - keep_prob", ((DROP_BACKWARD, "dA = dout * mask / (1 - keep_prob)"),),
         named_by="divides by 1 - keep_prob"),
    Edit("dropout_backward", "ignores the mask", ((DROP_BACKWARD, "dA = dout / keep_prob"),),
         named_by="dropped units included"),
    Edit("dropout_backward", "inverted mask", ((DROP_BACKWARD, "dA = dout * ~mask / keep_prob"),),
         named_by="through the DROPPED units"),
    Edit("dropout_backward", "no case for the cache None", ((NONE_CACHE, ""),), named_by="then return dout as it is"),
    Edit("dropout_backward", "masks dout in place", ((DROP_BACKWARD, "dout *= mask\n    dA = dout / keep_prob"),),
         named_by="dropout_backward modified its input dout in place"),
    # batchnorm_forward
    Edit("batchnorm_forward", "statistics over axis 0 (per example)",
         ((BN_MEAN, BN_MEAN.replace("axis=1", "axis=0")), (BN_VAR, BN_VAR.replace("axis=1", "axis=0"))),
         named_by="normalizes each column (example) instead of each row (unit)"),
    Edit("batchnorm_forward", "unbiased variance (ddof=1)", ((BN_VAR, BN_VAR.replace(")", ", ddof=1)")),),
         named_by="uses the unbiased variance"),
    Edit("batchnorm_forward", "eps added after the square root", ((STD, "std = np.sqrt(var) + eps"),),
         named_by="adds eps after the square root"),
    Edit("batchnorm_forward", "eps left out", ((STD, "std = np.sqrt(var)"),), named_by="leaves eps out of the square root"),
    Edit("batchnorm_forward", "divides by var + eps, not its square root", ((STD, "std = var + eps"),),
         named_by="divides by var + eps instead of its square root"),
    Edit("batchnorm_forward", "1e-5 written instead of the argument eps", ((STD, "std = np.sqrt(var + 1e-5)"),),
         named_by="is the one for eps = 1e-5"),
    Edit("batchnorm_forward", "0.9 written instead of the argument momentum",
         ((RUNNING_MEAN, '\n        running["mean"] = 0.9 * running["mean"] + 0.1 * mu'),
          (RUNNING_VAR, '\n        running["var"] = 0.9 * running["var"] + 0.1 * var')),
         named_by="uses momentum 0.9, not the argument's 0.75"),
    Edit("batchnorm_forward", "momentum weights swapped",
         ((RUNNING_MEAN, '\n        running["mean"] = (1 - momentum) * running["mean"] + momentum * mu'),
          (RUNNING_VAR, '\n        running["var"] = (1 - momentum) * running["var"] + momentum * var')),
         named_by="weighs the batch's mu by momentum"),
    Edit("batchnorm_forward", "running averages put into a new dict, not the one given",
         ((RUNNING_MEAN + RUNNING_VAR,
           '\n        running = {"mean": momentum * running["mean"] + (1 - momentum) * mu,'
           '\n                   "var": momentum * running["var"] + (1 - momentum) * var}'),),
         named_by="is unchanged: the running averages were not updated"),
    Edit("batchnorm_forward", "test mode normalizes with the batch's statistics",
         ((TEST_STATS, f"{BN_MEAN}\n        {BN_VAR}"),), named_by="is the train-mode one"),
    Edit("batchnorm_forward", "test mode updates the running averages too",
         ((TEST_STATS, TEST_STATS + '\n        running["mean"] = momentum * running["mean"] + (1 - momentum) * '
                                    'Z.mean(axis=1, keepdims=True)'),),
         named_by="train=False changed the running averages"),
    Edit("batchnorm_forward", "gamma and beta swapped", ((BN_OUT, "out = beta * Z_norm + gamma"),),
         named_by="has gamma and beta swapped"),
    Edit("batchnorm_forward", "statistics without keepdims",
         ((BN_MEAN, BN_MEAN.replace(", keepdims=True", "")), (BN_VAR, BN_VAR.replace(", keepdims=True", ""))),
         named_by="Without keepdims they have shape (n,)"),
    # batchnorm_backward
    Edit("batchnorm_backward", "the 1/m in front is missing", ((BN_DZ, BN_DZ.replace("(m * std)", "std")),),
         named_by="is m = 4 times too large"),
    Edit("batchnorm_backward", "the term - Z_norm * dgamma is missing", ((BN_DZ, BN_DZ.replace(" - Z_norm * dgamma", "")),),
         named_by="lacks the term - Z_norm * dgamma"),
    Edit("batchnorm_backward", "dout not multiplied by m", ((BN_DZ, BN_DZ.replace("(m * dout", "(dout")),),
         named_by="has dout where the formula has m * dout"),
    Edit("batchnorm_backward", "gamma left out", ((BN_DZ, BN_DZ.replace("dZ = gamma /", "dZ = 1 /")),),
         named_by="lacks the factor gamma"),
    Edit("batchnorm_backward", "dbeta and dgamma swapped inside the formula",
         ((BN_DZ, BN_DZ.replace("- dbeta - Z_norm * dgamma", "- dgamma - Z_norm * dbeta")),),
         named_by="swapped inside the parentheses"),
    Edit("batchnorm_backward", "sums over axis 0",
         ((DBETA, DBETA.replace("axis=1", "axis=0")), (DGAMMA, DGAMMA.replace("axis=1", "axis=0"))),
         named_by="summed over axis 0 (the units)"),
    Edit("batchnorm_backward", "dbeta as the mean of dout", ((DBETA, DBETA.replace("np.sum", "np.mean")),),
         named_by="is the mean of dout, not its sum"),
    Edit("batchnorm_backward", "dgamma without Z_norm", ((DGAMMA, DGAMMA.replace("dout * Z_norm", "dout")),),
         named_by="dgamma: your result is dbeta"),
    Edit("batchnorm_backward", "m taken from dout.shape[0]", (("m = dout.shape[1]", "m = dout.shape[0]"),),
         named_by="takes m from dout.shape[0]"),
    Edit("batchnorm_backward", "dgamma without keepdims", ((DGAMMA, DGAMMA.replace(", keepdims=True", "")),),
         named_by="A sum without keepdims=True has shape (n,)"),
    # softmax_cross_entropy
    Edit("softmax_cross_entropy", "no max subtraction: overflows for large scores", ((SHIFT, "shifted = Z"),),
         named_by="Subtract each column's largest score before np.exp"),
    Edit("softmax_cross_entropy", "subtracts the largest score of the whole matrix", ((SHIFT, "shifted = Z - Z.max()"),),
         named_by="not of the whole matrix"),
    Edit("softmax_cross_entropy", "log of the probabilities: Y * log(0) is NaN for far-apart scores",
         ((LOG_PROBS, "probs = np.exp(shifted) / np.sum(np.exp(shifted), axis=0, keepdims=True)\n"
                      "    log_probs = np.log(probs)"),), named_by="Y * np.log(0) is 0 * -inf = NaN"),
    Edit("softmax_cross_entropy", "the loss is a sum over the examples, not a mean", ((CE, "loss = -np.sum(Y * log_probs)"),),
         named_by="is the sum over the 4 examples, not their mean"),
    Edit("softmax_cross_entropy", "np.mean over every entry (divides by C * m)", ((CE, "loss = -np.mean(Y * log_probs)"),),
         named_by="divides by C * m = 12"),
    Edit("softmax_cross_entropy", "the loss without its minus sign", ((CE, "loss = np.sum(Y * log_probs) / m"),),
         named_by="has the wrong sign"),
    Edit("softmax_cross_entropy", "dZ without / m", ((CE_DZ, "dZ = np.exp(log_probs) - Y"),),
         named_by="is m = 4 times too large"),
    Edit("softmax_cross_entropy", "dZ = (Y - softmax) / m", ((CE_DZ, "dZ = (Y - np.exp(log_probs)) / m"),),
         named_by="has the wrong sign: (Y - softmax(Z)) / m"),
    Edit("softmax_cross_entropy", "m taken from Z.shape[0]", (("m = Z.shape[1]", "m = Z.shape[0]"),),
         named_by="divides by C = 3, the number of classes"),
    # network_forward
    Edit("network_forward", "ReLU on the output layer",
         ((OUTPUT, OUTPUT.replace("scores, affine_cache", "Z, affine_cache") + "\n    scores, _ = relu_forward(Z)"),),
         named_by="applies ReLU to the output layer too"),
    Edit("network_forward", "no ReLU in the hidden layers", ((RELU_CALL, "A, relu_cache = Z, Z"),),
         named_by="is the network with no ReLU at all"),
    Edit("network_forward", "dropout on the output layer too",
         ((OUTPUT, OUTPUT + '\n    scores, _ = dropout_forward(scores, options["keep_prob"], rng, train)'),),
         named_by="drops units of the output layer too"),
    Edit("network_forward", "forgets batch norm", ((BN_CALL, "bn_cache = None"),),
         named_by="ignores options['batchnorm']"),
    Edit("network_forward", "batch norm after the ReLU",
         ((BN_CALL + "\n        " + RELU_CALL,
           RELU_CALL + '\n        bn_cache = None\n        if options["batchnorm"]:\n            A, bn_cache = '
                       'batchnorm_forward(A, params[f"gamma{l}"], params[f"beta{l}"], running[l], train)'),),
         named_by="applies batch norm after the ReLU"),
    Edit("network_forward", "batch norm always in training mode",
         (('running[l], train)', 'running[l], True)'),), named_by="normalizes with the batch's statistics at test time"),
    Edit("network_forward", "dropout always in training mode", ((DROPOUT_CALL, DROPOUT_CALL.replace("rng, train)", "rng, True)")),),
         named_by="applies dropout at test time"),
    Edit("network_forward", "ignores keep_prob", ((DROPOUT_CALL, "dropout_cache = None"),),
         named_by="ignores options['keep_prob']"),
    Edit("network_forward", "the loop covers the output layer too", ((HIDDEN_LOOP, "for l in range(1, L + 1):"),),
         named_by="The output layer L is the one affine step after the loop"),
    Edit("network_forward", "hidden layers in reverse order", ((HIDDEN_LOOP, "for l in range(L - 1, 0, -1):"),),
         named_by="l = 1, 2, ..., L - 1 in order"),
    Edit("network_forward", "dropout on the inputs too", (("A, caches = X, []", 'A, caches = dropout_forward(X, '
                                                           'options["keep_prob"], rng, train)[0], []'),),
         named_by="drops inputs X too"),
    # network_loss
    Edit("network_loss", "no L2 term in the loss", (("\n    " + L2_LOSS, ""),), named_by="leaves the L2 term out of the loss"),
    Edit("network_loss", "lambd / m in the loss instead of lambd / (2 m)",
         ((L2_LOSS, L2_LOSS.replace("(2 * m)", "m")),), named_by="has lambd / m where the L2 term has lambd / (2 m)"),
    Edit("network_loss", "the L2 sum leaves out the output layer", ((L2_LOSS, L2_LOSS.replace("range(1, L + 1)", "range(1, L)")),),
         named_by="leaves the output layer's W3 out of the L2 sum"),
    Edit("network_loss", "no L2 term in the gradients", ((L2_GRADIENT, ""),),
         named_by="lacks the L2 term's gradient lambd / m * W"),
    Edit("network_loss", "L2 gradient lambd / (2 m) * W",
         ((L2_GRADIENT, L2_GRADIENT.replace("lambd / m", "lambd / (2 * m)")),),
         named_by="has lambd / (2 m) * W: the derivative of W ** 2 is 2 W"),
    Edit("network_loss", "L2 gradient added to the biases too",
         ((L2_GRADIENT, L2_GRADIENT + '\n        grads[f"b{l}"] += lambd / m * params[f"b{l}"]'),),
         named_by="adds an L2 term to b"),
    Edit("network_loss", "forgets dropout_backward", ((DROPOUT_BACKWARD_CALL, ""),),
         named_by="Your gradients are right without dropout"),
    Edit("network_loss", "forgets relu_backward", ((RELU_BACKWARD_CALL, "dZ = dA"),),
         named_by="comes back through layer 2 without relu_backward"),
    Edit("network_loss", "forgets batchnorm_backward", ((BN_BACKWARD_CALL, ""),), named_by="grads has no gamma1"),
    Edit("network_loss", "the forward pass in test mode", ((FORWARD_CALL, FORWARD_CALL.replace("train=True", "train=False")),),
         named_by="is the loss of the forward pass in test mode"),
    Edit("network_loss", "hidden layers gone through in forward order", ((BACKWARD_LOOP, "for l in range(1, L):"),),
         named_by="go from layer L - 1 down to layer 1"),
    Edit("network_loss", "divides dZ by m again", (("loss, dZ = softmax_cross_entropy(scores, Y)",
                                                   "loss, dZ = softmax_cross_entropy(scores, Y)\n    dZ = dZ / X.shape[1]"),),
         named_by="is divided by m again"),
    Edit("network_loss", "the cache of the next layer, caches[l]",
         (("affine_cache, bn_cache, relu_cache, dropout_cache = caches[l - 1]",
           "affine_cache, bn_cache, relu_cache, dropout_cache = caches[l]"),),
         named_by="caches[l - 1] holds what layer l's steps cached"),
    # train_epoch
    Edit("train_epoch", "no shuffling", ((ORDER, "order = np.arange(m)"),), named_by="no shuffling"),
    Edit("train_epoch", "drops the last partial batch", ((EPOCH_LOOP, "for start in range(0, m - batch_size + 1, batch_size):"),),
         named_by="the last partial batch of 2 is missing"),
    Edit("train_epoch", "np.array_split into as many mini-batches, spread evenly",
         ((EPOCH_LOOP + "\n        batch = order[start:start + batch_size]",
           "for batch in np.array_split(order, -(-m // batch_size)):"),),
         named_by="the m examples spread evenly"),
    Edit("train_epoch", "the plain mean of the mini-batch losses",
         (("total = 0.0", "losses = []"), (ACCUMULATE, "losses.append(loss)"), (EPOCH_LOSS, "epoch_loss = np.mean(losses)")),
         named_by="is the plain mean of the mini-batch losses"),
    Edit("train_epoch", "the sum of the weighted losses, not divided by m", ((EPOCH_LOSS, "epoch_loss = total"),),
         named_by="is the weighted sum, not divided by m"),
    Edit("train_epoch", "the loss of the last mini-batch", ((EPOCH_LOSS, "epoch_loss = loss"),),
         named_by="is the loss of the last mini-batch only"),
    Edit("train_epoch", "updates with the grads of the mini-batch before",
         (("total = 0.0", "total = 0.0\n    grads = {key: 0 * value for key, value in params.items()}"),
          (f"{BATCH_CALL}\n        {UPDATE}", f"{UPDATE}\n        {BATCH_CALL}")),
         named_by="update got the grads of the mini-batch before"),
    Edit("train_epoch", "ignores what update returns", ((UPDATE, "new_params = update(params, grads)"),),
         named_by="every call of loss_and_grads got the params you started with"),
    Edit("train_epoch", "m taken from X.shape[0]", (("m = X.shape[1]", "m = X.shape[0]"),),
         named_by="X.shape[0], the number of input features"),
    Edit("train_epoch", "shuffles with np.random instead of rng", ((ORDER, "order = np.random.permutation(m)"),),
         named_by="with rng.permutation(m) of the rng given"),
    Edit("train_epoch", "shuffles X but not Y", ((BATCH_CALL, "loss, grads = loss_and_grads(params, X[:, batch], "
                                                              "Y[:, start:start + batch_size])"),),
         named_by="Take X and Y's columns with the same indices"),
]

VARIANTS = [
    # init_network
    Edit("init_network", "rng.normal with He's standard deviation",
         ((HE_DRAW, "rng.normal(0.0, np.sqrt(2 / layer_dims[l - 1]), size=(layer_dims[l], layer_dims[l - 1]))"),)),
    Edit("init_network", "division by sqrt(n[l-1] / 2), np.full for gamma",
         ((HE_DRAW, HE_DRAW.replace("* np.sqrt(2 / layer_dims[l - 1])", "/ np.sqrt(layer_dims[l - 1] / 2)")),
          (GAMMA, GAMMA.replace("np.ones((layer_dims[l], 1))", "np.full((layer_dims[l], 1), 1.0)")))),
    Edit("init_network", "gamma and beta in a second loop",
         ((f"\n        {HIDDEN_ONLY}\n            {GAMMA}\n            {BETA}",
           f"\n    for l in range(1, L if batchnorm else 1):\n        {GAMMA}\n        {BETA}"),)),
    # affine_forward
    Edit("affine_forward", "np.dot, and a list for the cache", ((AFFINE, "Z = np.dot(W, A_prev) + b"),
                                                                 (AFFINE_CACHE, "cache = [A_prev, W]"))),
    Edit("affine_forward", "the transpose of A_prev.T @ W.T", ((AFFINE, "Z = (A_prev.T @ W.T).T + b"),)),
    Edit("affine_forward", "np.matmul, then the bias added in place on the new array",
         ((AFFINE, "Z = np.matmul(W, A_prev)\n    Z += b"),)),
    # affine_backward
    Edit("affine_backward", "np.dot and the sum method", ((DW, "dW = np.dot(dZ, A_prev.T)"),
                                                          (DB, "db = dZ.sum(axis=1, keepdims=True)"),
                                                          (DA_PREV, "dA_prev = np.dot(W.T, dZ)"))),
    Edit("affine_backward", "db as dZ times a column of ones, dW as a transposed product",
         ((DB, "db = dZ @ np.ones((dZ.shape[1], 1))"), (DW, "dW = (A_prev @ dZ.T).T"))),
    Edit("affine_backward", "einsum", ((DW, 'dW = np.einsum("im,jm->ij", dZ, A_prev)'),
                                       (DA_PREV, 'dA_prev = np.einsum("ij,im->jm", W, dZ)'))),
    # relu_forward
    Edit("relu_forward", "np.where", ((RELU, "A = np.where(Z > 0, Z, 0)"),)),
    Edit("relu_forward", "Z times its mask", ((RELU, "A = Z * (Z > 0)"),)),
    Edit("relu_forward", "clipped from below on a copy", ((RELU, "A = Z.copy()\n    A[A < 0] = 0"),)),
    # relu_backward
    Edit("relu_backward", "np.where", ((RELU_BACKWARD, "dZ = np.where(Z > 0, dA, 0.0)"),)),
    Edit("relu_backward", "a float mask", ((RELU_BACKWARD, "dZ = dA * (Z > 0).astype(float)"),)),
    Edit("relu_backward", "zeroed on a copy", ((RELU_BACKWARD, "dZ = np.array(dA, copy=True)\n    dZ[Z <= 0] = 0"),)),
    # dropout_forward
    Edit("dropout_forward", "rng.uniform, a float mask", ((MASK, "mask = (rng.uniform(size=A.shape) < keep_prob) * 1.0"),)),
    Edit("dropout_forward", "np.where, and a dict for the cache",
         ((DROP_OUT, "out = np.where(mask, A / keep_prob, 0.0)"),
          ("cache = (mask, keep_prob)", 'cache = {"mask": mask, "keep_prob": keep_prob}'))),
    Edit("dropout_forward", "draws a mask even when keep_prob is 1",
         ((DROP_EARLY, "if not train:\n        return A, None"), (MASK, MASK.replace("<", "<=")))),
    # dropout_backward
    Edit("dropout_backward", "np.where", ((DROP_BACKWARD, "dA = np.where(mask, dout / keep_prob, 0.0)"),)),
    Edit("dropout_backward", "the cache is the mask scaled by 1 / keep_prob (dropout_forward repacked to match)",
         ((f"mask, keep_prob = cache\n    {DROP_BACKWARD}", "dA = dout * cache"),
          ("    return dA", "    return dA\n\n\n_dropout_forward_with_a_pair = dropout_forward\n\n\n"
                          "def dropout_forward(A, keep_prob, rng, train):\n"
                          "    out, cache = _dropout_forward_with_a_pair(A, keep_prob, rng, train)\n"
                          "    return out, None if cache is None else cache[0] / cache[1]"))),
    Edit("dropout_backward", "a dict for the cache (dropout_forward repacked to match)",
         ((f"mask, keep_prob = cache\n    {DROP_BACKWARD}", 'dA = dout * cache["mask"] / cache["keep_prob"]'),
          ("    return dA", "    return dA\n\n\n_dropout_forward_with_a_pair = dropout_forward\n\n\n"
                          "def dropout_forward(A, keep_prob, rng, train):\n"
                          "    out, cache = _dropout_forward_with_a_pair(A, keep_prob, rng, train)\n"
                          '    return out, None if cache is None else {"mask": cache[0], "keep_prob": cache[1]}'))),
    # batchnorm_forward
    Edit("batchnorm_forward", "variance as the mean of the squared deviations",
         ((BN_VAR, "var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)"),)),
    Edit("batchnorm_forward", "updates the running arrays in place",
         ((RUNNING_MEAN, '\n        running["mean"] *= momentum\n        running["mean"] += (1 - momentum) * mu'),
          (RUNNING_VAR, '\n        running["var"] *= momentum\n        running["var"] += (1 - momentum) * var'))),
    Edit("batchnorm_forward", "running.update, a product with the inverse standard deviation, a dict cache",
         ((RUNNING_MEAN + RUNNING_VAR,
           "\n        running.update(mean=momentum * running[\"mean\"] + (1 - momentum) * mu,"
           "\n                       var=momentum * running[\"var\"] + (1 - momentum) * var)"),
          ("Z_norm = (Z - mu) / std", "Z_norm = (Z - mu) * (1.0 / std)"),
          ("cache = (Z_norm, gamma, std)", 'cache = {"Z_norm": Z_norm, "gamma": gamma, "std": std}'))),
    # batchnorm_backward
    Edit("batchnorm_backward", "the computation graph, step by step",
         ((BN_DZ, "dZ_norm = gamma * dout\n    Z_c = Z_norm * std\n"
                  "    dvar = -0.5 * std ** -3 * np.sum(dZ_norm * Z_c, axis=1, keepdims=True)\n"
                  "    dZ_c = dZ_norm / std + 2 * Z_c * dvar / m\n"
                  "    dZ = dZ_c - np.mean(dZ_c, axis=1, keepdims=True)"),)),
    Edit("batchnorm_backward", "means over the batch instead of sums divided by m",
         ((BN_DZ, "dZ = gamma / std * (dout - np.mean(dout, axis=1, keepdims=True)\n"
                  "                       - Z_norm * np.mean(dout * Z_norm, axis=1, keepdims=True))"),)),
    Edit("batchnorm_backward", "a dict for the cache, with Z - mu and var + eps (batchnorm_forward repacked to match)",
         (("Z_norm, gamma, std = cache",
           'Z_c, gamma, var_eps = cache["Z_c"], cache["gamma"], cache["var_eps"]\n'
           "    std = np.sqrt(var_eps)\n    Z_norm = Z_c / std"),
          ("    return dZ, dgamma, dbeta",
           "    return dZ, dgamma, dbeta\n\n\n_batchnorm_forward_with_a_tuple = batchnorm_forward\n\n\n"
           "def batchnorm_forward(Z, gamma, beta, running, train, momentum=0.9, eps=1e-5):\n"
           "    out, (Z_norm, gamma, std) = _batchnorm_forward_with_a_tuple(Z, gamma, beta, running, train, momentum, eps)\n"
           '    return out, {"Z_c": Z_norm * std, "gamma": gamma, "var_eps": std ** 2}'))),
    # softmax_cross_entropy
    Edit("softmax_cross_entropy", "np.logaddexp.reduce for the log-sum-exp",
         ((f"{SHIFT}\n    {LOG_PROBS}", "log_probs = Z - np.logaddexp.reduce(Z, axis=0, keepdims=True)"),)),
    Edit("softmax_cross_entropy", "probabilities first, then the log of the true class's only",
         ((LOG_PROBS, "probs = np.exp(shifted) / np.sum(np.exp(shifted), axis=0, keepdims=True)"),
          (CE, "loss = -np.sum(np.log(np.sum(probs * Y, axis=0))) / m"), (CE_DZ, "dZ = (probs - Y) / m"))),
    Edit("softmax_cross_entropy", "max without keepdims, mean of the per-example losses",
         ((SHIFT, "shifted = Z - np.max(Z, axis=0)"), (CE, "loss = -np.mean(np.sum(Y * log_probs, axis=0))"))),
    # network_forward
    Edit("network_forward", "a dict of caches per layer",
         (("caches.append((affine_cache, bn_cache, relu_cache, dropout_cache))",
           'caches.append({"affine": affine_cache, "bn": bn_cache, "relu": relu_cache, "dropout": dropout_cache})'),)),
    Edit("network_forward", "dropout only when keep_prob < 1, batch norm called with keywords",
         ((DROPOUT_CALL, 'dropout_cache = None\n        if options["keep_prob"] < 1:\n            ' + DROPOUT_CALL),
          ('running[l], train)', 'running=running[l], train=train)'))),
    Edit("network_forward", "options.get and a while loop",
         ((HIDDEN_LOOP, "l = 1\n    while l < L:"), ('if options["batchnorm"]:', 'if options.get("batchnorm", False):'),
          ("caches.append((affine_cache, bn_cache, relu_cache, dropout_cache))",
           "caches.append((affine_cache, bn_cache, relu_cache, dropout_cache))\n        l += 1"))),
    # network_loss
    Edit("network_loss", "the L2 gradient added inside the loop",
         ((L2_GRADIENT, ""),
          (OUTPUT_BACKWARD, OUTPUT_BACKWARD + '\n    grads[f"W{L}"] = grads[f"W{L}"] + lambd / m * params[f"W{L}"]'),
          (LAYER_BACKWARD, LAYER_BACKWARD + '\n        grads[f"W{l}"] = grads[f"W{l}"] + lambd / m * params[f"W{l}"]'))),
    Edit("network_loss", "dropout_backward after relu_backward, the squares summed with np.linalg.norm",
         ((f"{DROPOUT_BACKWARD_CALL}{RELU_BACKWARD_CALL}",
           "dZ = relu_backward(dA, relu_cache)\n        dZ = dropout_backward(dZ, dropout_cache)"),
          ('np.sum(params[f"W{l}"] ** 2)', 'np.linalg.norm(params[f"W{l}"]) ** 2'))),
    Edit("network_loss", "the hidden layers' caches walked backward with enumerate",
         ((f"{BACKWARD_LOOP}\n        affine_cache, bn_cache, relu_cache, dropout_cache = caches[l - 1]",
           "for l, (affine_cache, bn_cache, relu_cache, dropout_cache) in reversed(list(enumerate(caches[:-1], 1))):"),)),
    # train_epoch
    Edit("train_epoch", "shuffled copies of X and Y, sliced in order",
         ((ORDER, "order = rng.permutation(m)\n    X_shuffled, Y_shuffled = X[:, order], Y[:, order]"),
          (BATCH_CALL, "loss, grads = loss_and_grads(params, X_shuffled[:, start:start + batch_size], "
                       "Y_shuffled[:, start:start + batch_size])"))),
    Edit("train_epoch", "a loop over the batch count, losses averaged with weights",
         ((EPOCH_LOOP, "for k in range(-(-m // batch_size)):\n        start = k * batch_size"),
          ("total = 0.0", "losses, sizes = [], []"),
          (ACCUMULATE, "losses.append(loss)\n        sizes.append(X[:, batch].shape[1])"),
          (EPOCH_LOSS, "epoch_loss = np.average(losses, weights=sizes)"))),
    Edit("train_epoch", "a while loop", ((EPOCH_LOOP, "start = 0\n    while start < m:"),
                                         (ACCUMULATE, ACCUMULATE + "\n        start += batch_size"))),
]

#: The mistakes of the example submission "mistakes": both leave training as it is (they change only the loss
#: that is reported), so the final model and its predictions do not suffer from them.
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "lambd / m in the loss instead of lambd / (2 m)"),
    next(m for m in MUTANTS if m.description == "the plain mean of the mini-batch losses"),
]
