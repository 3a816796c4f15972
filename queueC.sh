#!/bin/bash
cd /work/runs/mnist-hidden
while pgrep -f "full-e60-s42 " > /dev/null; do sleep 10; done
./run5.sh full-e60-s44 1 --form masked --gamma 0.03 --locations grid --epochs 60 --validation-size 0 --seed 44
