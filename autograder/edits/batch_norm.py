"""Mistakes students make in assignment 05 (mutants) and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
"""

from autograder.submissions import Edit

MEAN = "mu = np.mean(Z, axis=1, keepdims=True)"
VAR = "var = np.var(Z, axis=1, keepdims=True)"
RUNNING_MEAN = 'bn_param["running_mean"] = momentum * running_mean + (1 - momentum) * mu'
RUNNING_VAR = 'bn_param["running_var"] = momentum * running_var + (1 - momentum) * var'
NORMALIZE = "Z_norm = (Z - mu) / np.sqrt(var + eps)"

DBETA = "dbeta = np.sum(dout, axis=1, keepdims=True)"
DGAMMA = "dgamma = np.sum(dout * Z_norm, axis=1, keepdims=True)"
DVAR = "dvar = -0.5 * (var + eps) ** -1.5 * ds"
VAR_PATH = "dZ_c = dZ_c + 2 * Z_c * dvar / m"
MEAN_PATH = "dmu = -np.sum(dZ_c, axis=1, keepdims=True)\n    # step 1: mu = mean(Z); Z also fed step 2\n    dZ = dZ_c + dmu / m"
CLOSED_FORM = "dZ = gamma / (m * np.sqrt(var + eps)) * (m * dout - dbeta - Z_norm * dgamma)"

HE_DRAW = "rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2 / layers_dims[l - 1])"
GAMMA = 'parameters[f"gamma{l}"] = np.ones((layers_dims[l], 1))'
BETA = 'parameters[f"beta{l}"] = np.zeros((layers_dims[l], 1))'

MUTANTS = [
    # batchnorm_forward
    Edit("batchnorm_forward", "statistics over axis 0 (per example instead of per unit)",
         ((MEAN, MEAN.replace("axis=1", "axis=0")), (VAR, VAR.replace("axis=1", "axis=0"))),
        named_by="normalizes each column (example) instead of each row (unit)"),
    Edit("batchnorm_forward", "unbiased variance (divides by m - 1)", ((VAR, VAR[:-1] + ", ddof=1)"),),
        named_by="uses the unbiased variance"),
    Edit("batchnorm_forward", "eps left out of the square root", ((NORMALIZE, "Z_norm = (Z - mu) / np.sqrt(var)"),),
        named_by="leaves eps out of the square root"),
    Edit("batchnorm_forward", "1e-5 written instead of bn_param's eps",
         ((NORMALIZE, "Z_norm = (Z - mu) / np.sqrt(var + 1e-5)"),), named_by="is the one for eps = 1e-5"),
    Edit("batchnorm_forward", "divides by the variance instead of the standard deviation",
         ((NORMALIZE, "Z_norm = (Z - mu) / (var + eps)"),), named_by="divides by var + eps instead of its square root"),
    Edit("batchnorm_forward", "momentum weights swapped in the running averages",
         ((RUNNING_MEAN, 'bn_param["running_mean"] = (1 - momentum) * running_mean + momentum * mu'),
          (RUNNING_VAR, 'bn_param["running_var"] = (1 - momentum) * running_var + momentum * var')),
        named_by="weighs the batch's mu by momentum"),
    Edit("batchnorm_forward", "running statistics updated but not stored in bn_param",
         ((RUNNING_MEAN, RUNNING_MEAN.replace('bn_param["running_mean"]', "running_mean")),
          (RUNNING_VAR, RUNNING_VAR.replace('bn_param["running_var"]', "running_var"))),
        named_by="store them back into bn_param"),
    Edit("batchnorm_forward", "test mode normalizes with the batch statistics",
         (("mu, var = running_mean, running_var",
           "mu, var = np.mean(Z, axis=1, keepdims=True), np.var(Z, axis=1, keepdims=True)"),),
        named_by="is the train-mode one, from the batch's statistics"),
    Edit("batchnorm_forward", "gamma and beta swapped", (("out = gamma * Z_norm + beta", "out = beta * Z_norm + gamma"),),
        named_by="has gamma and beta swapped"),
    Edit("batchnorm_forward", "eps added after the square root",
         ((NORMALIZE, "Z_norm = (Z - mu) / (np.sqrt(var) + eps)"),), named_by="adds eps after the square root"),
    Edit("batchnorm_forward", "statistics without keepdims (shape (n,))",
         ((MEAN, MEAN.replace(", keepdims=True", "")), (VAR, VAR.replace(", keepdims=True", ""))),
        named_by="Without keepdims they have shape (n,)"),
    Edit("batchnorm_forward", "running variance from the unbiased variance (as PyTorch keeps it)",
         ((RUNNING_VAR, RUNNING_VAR.replace("(1 - momentum) * var", "(1 - momentum) * var * m / (m - 1)")),
          (MEAN, MEAN + "\n        m = Z.shape[1]")), named_by="averages the unbiased variance"),
    Edit("batchnorm_forward", "running variance averages var + eps",
         ((RUNNING_VAR, RUNNING_VAR.replace("(1 - momentum) * var", "(1 - momentum) * (var + eps)")),),
        named_by="averages var + eps"),
    Edit("batchnorm_forward", "0.9 written instead of bn_param's momentum",
         ((RUNNING_MEAN, "bn_param[\"running_mean\"] = 0.9 * running_mean + 0.1 * mu"),
          (RUNNING_VAR, "bn_param[\"running_var\"] = 0.9 * running_var + 0.1 * var")),
        named_by="uses momentum 0.9, not bn_param's 0.75"),
    Edit("batchnorm_forward", "train mode normalizes with the updated running statistics",
         ((NORMALIZE, "if mode == \"train\":\n        mu, var = bn_param[\"running_mean\"], bn_param[\"running_var\"]\n"
                      "    " + NORMALIZE),), named_by="normalized with the running statistics just updated"),
    Edit("batchnorm_forward", "test mode updates the running statistics too",
         (("mu, var = running_mean, running_var",
           "mu, var = running_mean, running_var\n"
           "        bn_param[\"running_mean\"] = momentum * running_mean + (1 - momentum) * np.mean(Z, axis=1, keepdims=True)\n"
           "        bn_param[\"running_var\"] = momentum * running_var + (1 - momentum) * np.var(Z, axis=1, keepdims=True)"),),
        named_by="test mode changed bn_param's running statistics"),
    Edit("batchnorm_forward", "cache holds the standard deviation instead of the variance",
         (("cache = (Z, Z_norm, mu, var, gamma, eps)", "cache = (Z, Z_norm, mu, np.sqrt(var + eps), gamma, eps)"),),
        named_by="the cache holds sqrt(var + eps)"),
    # batchnorm_backward
    Edit("batchnorm_backward", "drops the path through the mean", ((MEAN_PATH, MEAN_PATH.replace("dZ_c + dmu / m", "dZ_c")),),
        named_by="leaves out the path through mu"),
    Edit("batchnorm_backward", "drops the path through the variance", ((VAR_PATH, "dZ_c = 1 * dZ_c"),),
        named_by="leaves out the path through var"),
    Edit("batchnorm_backward", "factor 2 of the square missing in the variance path",
         ((VAR_PATH, "dZ_c = dZ_c + Z_c * dvar / m"),), named_by="lacks the factor 2"),
    Edit("batchnorm_backward", "sign of the derivative of (var + eps)^(-1/2) lost", ((DVAR, DVAR.replace("-0.5", "0.5")),),
        named_by="has dvar with the wrong sign"),
    Edit("batchnorm_backward", "dgamma and dbeta swapped",
         ((DBETA, DBETA.replace("dbeta", "dgamma")), (DGAMMA, DGAMMA.replace("dgamma", "dbeta"))),
        named_by="dbeta: your result is dgamma"),
    Edit("batchnorm_backward", "dgamma without keepdims (shape (n,))", ((DGAMMA, DGAMMA.replace(", keepdims=True", "")),),
        named_by="without keepdims"),
    Edit("batchnorm_backward", "gamma left out of dZ_norm", (("dZ_norm = gamma * dout", "dZ_norm = dout"),),
        named_by="lacks the factor gamma"),
    Edit("batchnorm_backward", "dbeta averaged over the batch instead of summed",
         ((DBETA, DBETA.replace("np.sum", "np.mean")),), named_by="is the mean of dout, not its sum"),
    Edit("batchnorm_backward", "the 1/m of the mean path missing", ((MEAN_PATH, MEAN_PATH.replace("dmu / m", "dmu")),),
        named_by="all of dmu, not dmu / m"),
    Edit("batchnorm_backward", "(var + eps) ** -0.5 instead of ** -1.5 in dvar", ((DVAR, DVAR.replace("-1.5", "-0.5")),),
        named_by="has dvar with (var + eps)**-0.5"),
    Edit("batchnorm_backward", "Z_norm instead of Z_c in ds", (("ds = np.sum(dZ_norm * Z_c", "ds = np.sum(dZ_norm * Z_norm"),),
        named_by="computes ds from Z_norm instead of Z_c"),
    Edit("batchnorm_backward", "mean path averaged over axis 0",
         ((MEAN_PATH, "dZ = dZ_c - np.mean(dZ_c, axis=0)"),), named_by="averages the path through mu over axis 0"),
    Edit("batchnorm_backward", "eps ignored", (("s = 1 / np.sqrt(var + eps)", "s = 1 / np.sqrt(var)"),
                                                (DVAR, "dvar = -0.5 * var ** -1.5 * ds")),
        named_by="The difference is of the size of eps"),
    # batchnorm_backward_alt
    Edit("batchnorm_backward_alt", "the 1/m in front is missing",
         ((CLOSED_FORM, CLOSED_FORM.replace("gamma / (m * np.sqrt(var + eps))", "gamma / np.sqrt(var + eps)")),),
        named_by="is m = 4 times too large"),
    Edit("batchnorm_backward_alt", "the Z_norm * dgamma term is missing",
         ((CLOSED_FORM, CLOSED_FORM.replace(" - Z_norm * dgamma", "")),), named_by="lacks the term - Z_norm * dgamma"),
    Edit("batchnorm_backward_alt", "dout not multiplied by m", ((CLOSED_FORM, CLOSED_FORM.replace("m * dout", "dout")),),
        named_by="has dout where the formula has m * dout"),
    Edit("batchnorm_backward_alt", "gamma left out", ((CLOSED_FORM, CLOSED_FORM.replace("dZ = gamma /", "dZ = 1 /")),),
        named_by="lacks the factor gamma"),
    Edit("batchnorm_backward_alt", "eps left out of the square root",
         ((CLOSED_FORM, CLOSED_FORM.replace("np.sqrt(var + eps)", "np.sqrt(var)")),),
        named_by="The difference is of the size of eps"),
    Edit("batchnorm_backward_alt", "eps added after the square root",
         ((CLOSED_FORM, CLOSED_FORM.replace("np.sqrt(var + eps)", "(np.sqrt(var) + eps)")),),
        named_by="The difference is of the size of eps"),
    Edit("batchnorm_backward_alt", "dbeta and dgamma swapped inside the formula",
         ((CLOSED_FORM, CLOSED_FORM.replace("m * dout - dbeta - Z_norm * dgamma", "m * dout - dgamma - Z_norm * dbeta")),),
        named_by="dbeta and dgamma swapped inside the parentheses"),
    Edit("batchnorm_backward_alt", "sums over axis 0",
         ((DBETA, DBETA.replace("axis=1", "axis=0")), (DGAMMA, DGAMMA.replace("axis=1", "axis=0"))),
        named_by="summed over axis 0 (the units)"),
    # initialize_parameters_bn
    Edit("initialize_parameters_bn", "hidden layers keep a bias too",
         ((BETA, BETA + '\n            parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))'),),
        named_by="have W, gamma, beta and no b"),
    Edit("initialize_parameters_bn", "gamma zeros and beta ones",
         ((GAMMA, GAMMA.replace("np.ones", "np.zeros")), (BETA, BETA.replace("np.zeros", "np.ones"))),
        named_by="gamma and beta got each other's values"),
    Edit("initialize_parameters_bn", "output layer gets gamma and beta instead of a bias", (("if l < L:", "if l <= L:"),),
        named_by="the output layer 3 got batch norm"),
    Edit("initialize_parameters_bn", "Xavier scaling instead of He", ((HE_DRAW, HE_DRAW.replace("2 /", "1 /")),),
        named_by="the scale of Xavier's initialization"),
    Edit("initialize_parameters_bn", "draws from the global numpy state, ignoring rng",
         ((HE_DRAW, HE_DRAW.replace("rng.standard_normal((layers_dims[l], layers_dims[l - 1]))",
                                    "np.random.randn(layers_dims[l], layers_dims[l - 1])")),),
        named_by="Two calls with rng seeded alike gave different"),
    Edit("initialize_parameters_bn", "He scale from n[l] instead of n[l-1]",
         ((HE_DRAW, HE_DRAW.replace("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(2 / layers_dims[l])")),),
        named_by="the layer's own size"),
    Edit("initialize_parameters_bn", "W of shape (n[l-1], n[l])",
         ((HE_DRAW, HE_DRAW.replace("(layers_dims[l], layers_dims[l - 1])", "(layers_dims[l - 1], layers_dims[l])")),),
        named_by="(n[l-1], n[l]), transposed"),
    Edit("initialize_parameters_bn", "a generator with a fixed seed instead of rng",
         ((HE_DRAW, HE_DRAW.replace("rng.standard_normal", "np.random.default_rng(0).standard_normal")),),
        named_by="generator with a fixed seed inside the function"),
    Edit("initialize_parameters_bn", "uniform draws instead of normal ones",
         ((HE_DRAW, HE_DRAW.replace("rng.standard_normal((layers_dims[l], layers_dims[l - 1]))",
                                    "(rng.random((layers_dims[l], layers_dims[l - 1])) - 0.5) * np.sqrt(12)")),),
        named_by="not a uniform one"),
    Edit("initialize_parameters_bn", "gamma as a row", ((GAMMA, GAMMA.replace("(layers_dims[l], 1)", "(1, layers_dims[l])")),),
        named_by="a row, not a column"),
]

VARIANTS = [
    # batchnorm_forward
    Edit("batchnorm_forward", "variance as the mean of the squared deviations",
         ((VAR, "var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)"),)),
    Edit("batchnorm_forward", "multiplies by the inverse standard deviation, Z.mean method",
         ((NORMALIZE, "Z_norm = (Z - mu) * (1.0 / np.sqrt(var + eps))"), (MEAN, "mu = Z.mean(axis=1, keepdims=True)"))),
    Edit("batchnorm_forward", "updates the running arrays in place",
         ((RUNNING_MEAN, "running_mean *= momentum\n        running_mean += (1 - momentum) * mu\n"
                         '        bn_param["running_mean"] = running_mean'),
          (RUNNING_VAR, "running_var *= momentum\n        running_var += (1 - momentum) * var\n"
                        '        bn_param["running_var"] = running_var'))),
    Edit("batchnorm_forward", "unbiased variance rescaled to the biased one",
         ((VAR, "var = np.var(Z, axis=1, ddof=1, keepdims=True) * (Z.shape[1] - 1) / Z.shape[1]"),)),
    # batchnorm_backward
    Edit("batchnorm_backward", "the mean path as a subtracted mean",
         ((MEAN_PATH, "dZ = dZ_c - np.mean(dZ_c, axis=1, keepdims=True)"),)),
    Edit("batchnorm_backward", "dvar from s cubed, Z_c from Z_norm",
         ((DVAR, "dvar = -0.5 * s ** 3 * ds"), ("Z_c = Z - mu\n    s = ", "Z_c = Z_norm * np.sqrt(var + eps)\n    s = "))),
    Edit("batchnorm_backward", "dmu with its variance term written out (it is zero)",
         ((MEAN_PATH, "dmu = -np.sum(dZ_norm * s, axis=1, keepdims=True) + dvar * np.mean(-2 * Z_c, axis=1, keepdims=True)\n"
                      "    dZ = dZ_c + dmu / m"),)),
    # batchnorm_backward_alt
    Edit("batchnorm_backward_alt", "the 1/m distributed inside the parentheses",
         ((CLOSED_FORM, "dZ = gamma / np.sqrt(var + eps) * (dout - dbeta / m - Z_norm * dgamma / m)"),)),
    Edit("batchnorm_backward_alt", "means over the batch instead of sums divided by m",
         ((CLOSED_FORM, "dZ = (gamma / np.sqrt(var + eps)) * (dout - np.mean(dout, axis=1, keepdims=True)\n"
                        "        - Z_norm * np.mean(dout * Z_norm, axis=1, keepdims=True))"),)),
    Edit("batchnorm_backward_alt", "from Z - mu and var + eps instead of Z_norm",
         ((CLOSED_FORM, "Z_c = Z - mu\n    dZ = gamma / np.sqrt(var + eps) * (dout - dbeta / m\n"
                        "        - Z_c / (var + eps) * np.sum(dout * Z_c, axis=1, keepdims=True) / m)"),)),
    # initialize_parameters_bn
    Edit("initialize_parameters_bn", "rng.normal with He's standard deviation",
         ((HE_DRAW, "rng.normal(0.0, np.sqrt(2 / layers_dims[l - 1]), size=(layers_dims[l], layers_dims[l - 1]))"),)),
    Edit("initialize_parameters_bn", "np.full for gamma, division by sqrt(n[l-1] / 2)",
         ((GAMMA, GAMMA.replace("np.ones((layers_dims[l], 1))", "np.full((layers_dims[l], 1), 1.0)")),
          (HE_DRAW, HE_DRAW.replace("* np.sqrt(2 / layers_dims[l - 1])", "/ np.sqrt(layers_dims[l - 1] / 2)")))),
]

#: The mistakes of the example submission "mistakes".
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "test mode normalizes with the batch statistics"),
    next(m for m in MUTANTS if m.description == "the Z_norm * dgamma term is missing"),
]
