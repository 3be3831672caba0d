/** Numbers quoted in lesson 2 (the input layer): layer sizes and parameter counts. */
import { denseParameterCount } from "../../engine/architecture";
import { countParameters } from "../../engine/model";
import { GREENHOUSE_FEATURES } from "../columns";
import { GREENHOUSE_HIDDEN_UNITS, GREENHOUSE_NET, KERAS_DOCS_DENSE, QUESTION_BATCH_SIZE } from "../networks";
import { denseShapes } from "../shapes";
import type { FactValue } from "./types";

const atQuestionBatch = denseShapes(GREENHOUSE_FEATURES, [GREENHOUSE_HIDDEN_UNITS], 1, QUESTION_BATCH_SIZE);

export const lesson2Facts = {
  "lesson2.hiddenParams": denseParameterCount(GREENHOUSE_FEATURES, GREENHOUSE_HIDDEN_UNITS),
  "lesson2.outputParams": denseParameterCount(GREENHOUSE_HIDDEN_UNITS, 1),
  "lesson2.ourNetParams": countParameters(GREENHOUSE_NET),
  "lesson2.ourNetParamsAtBatch5": atQuestionBatch.parameterCount,
  "lesson2.inputUnitsAtBatch5": atQuestionBatch.inputUnits,
  "lesson2.kerasDocsWeights": KERAS_DOCS_DENSE.inputs * KERAS_DOCS_DENSE.units,
  "lesson2.kerasDocsParams": denseParameterCount(KERAS_DOCS_DENSE.inputs, KERAS_DOCS_DENSE.units),
  "lesson2.kerasDocsNextParams": denseParameterCount(KERAS_DOCS_DENSE.units, KERAS_DOCS_DENSE.nextUnits),
  "lesson2.kerasDocsTotalParams":
    denseParameterCount(KERAS_DOCS_DENSE.inputs, KERAS_DOCS_DENSE.units) + denseParameterCount(KERAS_DOCS_DENSE.units, KERAS_DOCS_DENSE.nextUnits),
  "lesson2.batch5Values": QUESTION_BATCH_SIZE * GREENHOUSE_FEATURES,
} satisfies Record<`lesson2.${string}`, FactValue>;
