namespace AiCompliance.Analyzers.Flow
{
    // The worklist of the driver.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>Blocks waiting to be (re)visited, lowest ordinal first (the graph's order): flags, no allocation per add.</summary>
        private sealed class Worklist
        {
            private readonly bool[] _pending;
            private int _lowest;
            private int _count;

            public Worklist(int size)
            {
                _pending = new bool[size];
                _lowest = size;
            }

            public void Add(int ordinal)
            {
                if (_pending[ordinal])
                {
                    return;
                }

                _pending[ordinal] = true;
                _count++;
                if (ordinal < _lowest)
                {
                    _lowest = ordinal;
                }
            }

            public bool TryTakeLowest(out int ordinal)
            {
                if (_count == 0)
                {
                    ordinal = -1;
                    return false;
                }

                while (!_pending[_lowest])
                {
                    _lowest++;
                }

                ordinal = _lowest;
                _pending[ordinal] = false;
                _count--;
                return true;
            }
        }
    }
}
