/**
 * Bit-identical results, checked: the digests below were recorded from the engine as it was before
 * the dense forward and backward passes were rewritten into one implementation (commit 2adab95, the
 * engine with five dense paths and two training loops). Every case must still produce the same
 * float64 bits. A change that is meant to move results must re-record them and say why.
 */
import { describe, expect, it } from "vitest";
import { pinnedCases } from "./pinnedBits.cases";

const RECORDED: Record<string, string> = {
  "3-8-1 tanh, sgd, B=1": "0363c56f425a12a3 d76f397b75f4470e e3b0c44298fc1c14 300/300/-",
  "3-8-1 tanh, sgd, B=5": "869ad678afd22037 c73892d8aa369364 e3b0c44298fc1c14 60/300/-",
  "3-8-1 tanh, sgd, B=8": "c3fd63af480d537d 1d2dbeb2f73aa392 e3b0c44298fc1c14 42/300/-",
  "3-8-1 tanh, sgd, B=50": "b8d8cb14d14c5ef4 0664e9c3f9e32b74 e3b0c44298fc1c14 6/300/-",
  "3-8-1 tanh, momentum, B=1": "b91ca428c8fd4d54 6f6beb7176166afa e3b0c44298fc1c14 300/300/-",
  "3-8-1 tanh, momentum, B=5": "2bf6b8f3f2918d3b 6b6520361a4d054f e3b0c44298fc1c14 60/300/-",
  "3-8-1 tanh, momentum, B=8": "18381e140f74f01f 61758bade04f8312 e3b0c44298fc1c14 42/300/-",
  "3-8-1 tanh, momentum, B=50": "2e57059116111f06 b9a73ac919fbd2e1 e3b0c44298fc1c14 6/300/-",
  "3-8-1 tanh, adam, B=1": "12df446443808889 8b2a2169037f05c3 e3b0c44298fc1c14 300/300/-",
  "3-8-1 tanh, adam, B=5": "fbb05caa16083303 01d64a8974097ae3 e3b0c44298fc1c14 60/300/-",
  "3-8-1 tanh, adam, B=8": "96c111423102d710 8e578f1edf91b5a7 e3b0c44298fc1c14 42/300/-",
  "3-8-1 tanh, adam, B=50": "2fa372f09fa2ab9d 5ab16c09864de80f e3b0c44298fc1c14 6/300/-",
  "3-8-1 tanh, sgd, B=8, drop last, not shuffled, snapshots per epoch": "3053c46eb327a87c 43d7eb5975a5b46f c7e4557cc9c825c1 36/288/-",
  "3-8-1 tanh, adam, B=7, snapshots per update, full loss at the end only": "984df4907ec2a462 3b271adaaa608692 68fae2bbb11face8 16/100/-",
  "3-8-1 tanh, sgd lr 1e6: diverges": "5b75f8fda24126a6 3358707edb81d898 e3b0c44298fc1c14 22/110/22",
  "3-8-1 tanh, from given weights": "a6166bd4c6d64881 6c5f25cda5cbc60a e3b0c44298fc1c14 30/300/-",
  "3-8-1 relu → sigmoid, momentum, B=5": "694cbdcb04bbf25d cc5f3cb4f9d0f2d0 e3b0c44298fc1c14 60/300/-",
  "3-8-1 sigmoid → tanh, sgd, B=3": "6f49a1956158eba5 326e4ad404d54448 e3b0c44298fc1c14 102/300/-",
  "4-6-1 tanh, momentum, B=6": "a2c12b07344fb18f c832a389b6e17f14 e3b0c44298fc1c14 42/240/-",
  "4-6-1 relu → linear, adam, B=40": "b2435794a4d50d9c ace6ae4f6db34616 e3b0c44298fc1c14 6/240/-",
  "3-1 linear, sgd, B=5": "4aa4cce90a44528a 4ab9617cb4cd81bb e3b0c44298fc1c14 60/300/-",
  "3-6-4-1 tanh, relu, linear, adam, B=8": "00173f1ad69f559a 36dd2431bbd99314 e3b0c44298fc1c14 42/300/-",
  "3-16-16-1 tanh, sgd, B=5": "baa22c07b71bc94b dcde021cd39b3820 e3b0c44298fc1c14 60/300/-",
  "3-5-2 sigmoid, sigmoid, momentum, B=4": "256732cbc9819c63 167a05d7fce5a16f e3b0c44298fc1c14 48/180/-",
  "LSTM(8) + dense, windows of 5, sgd, B=8": "5512708ce5448f1d fc8644baeca1fab9 e3b0c44298fc1c14 24/184/-",
  "LSTM(8) + dense, windows of 5, momentum, B=8": "f2e633ec6cfd4668 254fa86397515e97 e3b0c44298fc1c14 24/184/-",
  "LSTM(8) + dense, windows of 5, adam, B=8": "94146dc800ec5f52 9444b1d0ba639dfb e3b0c44298fc1c14 24/184/-",
  "LSTM(4) + tanh(3) + linear, windows of 4, sgd, B=47 (all windows), snapshots per epoch": "149ad0203967b86b df0fafeb51356f32 d491ebe891dbeaec 3/141/-",
  "3-8-1 tanh: predict": "5e166d666fb7e2ba",
  "3-8-1 tanh: predictRowByRow": "5e166d666fb7e2ba",
  "3-8-1 tanh: forwardTrace": "f4a7ce3a1a37be86",
  "3-8-1 tanh: sampleGradients": "f9b2da9c235333b0",
  "3-8-1 tanh: batchGradient": "8f9d730e3ccb9cd8",
  "3-8-1 tanh: batchLoss": "79e972b8512444f2",
  "3-8-1 tanh: datasetLoss": "88804c0882579d1c",
  "3-8-1 tanh: fullLoss": "88804c0882579d1c",
  "3-6-4-1: predict": "71b8c4208651be2b",
  "3-6-4-1: predictRowByRow": "71b8c4208651be2b",
  "3-6-4-1: forwardTrace": "2b016481263ea069",
  "3-6-4-1: sampleGradients": "e4d8bdc677d02896",
  "3-6-4-1: batchGradient": "8d8447aa8ed4139c",
  "3-6-4-1: batchLoss": "4c69bafebbfcc924",
  "3-6-4-1: datasetLoss": "f9714d68f1677535",
  "3-6-4-1: fullLoss": "f9714d68f1677535",
  "4-6-1 sigmoid: predict": "e1d94a6dbb7e8eea",
  "4-6-1 sigmoid: predictRowByRow": "e1d94a6dbb7e8eea",
  "4-6-1 sigmoid: forwardTrace": "696d6168aff35456",
  "4-6-1 sigmoid: sampleGradients": "c99a2be4198c2510",
  "4-6-1 sigmoid: batchGradient": "2694e67a03091543",
  "4-6-1 sigmoid: batchLoss": "09cae60c8ed54e75",
  "4-6-1 sigmoid: datasetLoss": "78172a383af179bc",
  "4-6-1 sigmoid: fullLoss": "78172a383af179bc",
  "LSTM(8) + dense: predict": "26f6136f9e14a806",
  "LSTM(8) + dense: predictRowByRow": "26f6136f9e14a806",
  "LSTM(8) + dense: forwardTrace": "39f24edf7a85cee9",
  "LSTM(8) + dense: sampleGradients": "0022718867ce7d92",
  "LSTM(8) + dense: batchGradient": "0561a3c881a207ba",
  "LSTM(8) + dense: batchLoss": "101002122326a9fe",
  "LSTM(8) + dense: datasetLoss": "5ab9e03bfd73f46b",
  "LSTM(8) + dense: fullLoss": "5ab9e03bfd73f46b",
  "lossGrid": "e939a4dcb3cb141a",
  "sgdPath": "b647d40afca51042",
  "gradientNoise": "80ae53100a81893c",
};

describe("the engine gives the same bits as before the dense rewrite", () => {
  const actual = pinnedCases();
  it("covers the same cases", () => {
    expect(Object.keys(actual)).toEqual(Object.keys(RECORDED));
  });
  for (const [name, digest] of Object.entries(RECORDED)) {
    it(name, () => {
      expect(actual[name]).toBe(digest);
    });
  }
});
