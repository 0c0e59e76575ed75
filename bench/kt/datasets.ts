// The public attempt logs of ../shared/data by short name: train and test files, or a single file to split by learner.
export const DATA_DIR = new URL("../../../shared/data/", import.meta.url).pathname;

export const KT_DATASET_FILES: Record<string, string[]> = {
  a09: [DATA_DIR + "gervet_assistments09/preprocessed_data_train.csv", DATA_DIR + "gervet_assistments09/preprocessed_data_test.csv"],
  statics: [DATA_DIR + "gervet_statics/preprocessed_data_train.csv", DATA_DIR + "gervet_statics/preprocessed_data_test.csv"],
  a15: [DATA_DIR + "gervet_assistments15/preprocessed_data_test.csv"],
  spanish: [DATA_DIR + "gervet_spanish/preprocessed_data_test.csv"],
};
