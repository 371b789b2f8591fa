package ps.takamul.examples.civilregistry;

/**
 * The 9-digit Palestinian/Israeli identity number. Its last digit is a Luhn-style check digit: weigh the digits
 * 1,2,1,2,… from the left, fold two-digit products by subtracting 9, and the sum must be a multiple of 10.
 */
public final class NationalId {

    public static final int LENGTH = 9;

    private NationalId() {
    }

    /** True for exactly nine ASCII digits whose check digit is right. */
    public static boolean isValid(String id) {
        return id != null && id.length() == LENGTH && isAsciiDigits(id) && weightedSum(id) % 10 == 0;
    }

    /** Appends the check digit to an eight-digit serial. */
    public static String withCheckDigit(String eightDigits) {
        if (eightDigits == null || eightDigits.length() != LENGTH - 1 || !isAsciiDigits(eightDigits)) {
            throw new IllegalArgumentException("expected 8 ASCII digits, got: " + eightDigits);
        }
        // The check digit sits at an odd position (weight 1), so it adds itself to the sum.
        int checkDigit = (10 - weightedSum(eightDigits) % 10) % 10;
        return eightDigits + checkDigit;
    }

    private static int weightedSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
            sum += product > 9 ? product - 9 : product;
        }
        return sum;
    }

    // Character.isDigit would accept Arabic-Indic digits (٠١٢…), which the registry never stores.
    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
