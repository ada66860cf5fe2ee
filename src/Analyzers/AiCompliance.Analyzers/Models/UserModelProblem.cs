using System.Globalization;

namespace AiCompliance.Analyzers.Models
{
    /// <summary>A problem in a user model file: where (offset, length, 1-based line) and what (AIC007).</summary>
    internal sealed class UserModelProblem
    {
        public UserModelProblem(int start, int length, int line, string message)
        {
            Start = start;
            Length = length;
            Line = line;
            Message = message;
        }

        public int Start { get; }

        public int Length { get; }

        public int Line { get; }

        public string Message { get; }

        public override string ToString() => "line " + Line.ToString(CultureInfo.InvariantCulture) + ": " + Message;
    }
}
