/** What Keras and PyTorch do when you leave the batch size out (lessons 5 and 10). */

/** `model.fit(X, y)` without batch_size: Keras uses 32. */
export const KERAS_DEFAULT_BATCH_SIZE = 32;
/** `DataLoader(dataset)` without batch_size: PyTorch uses 1 (and shuffle=False, drop_last=False). */
export const DATALOADER_DEFAULT_BATCH_SIZE = 1;
