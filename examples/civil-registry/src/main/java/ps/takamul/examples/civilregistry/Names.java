package ps.takamul.examples.civilregistry;

import java.util.List;

/** The name and place lists the generator draws from: common Palestinian names with their usual spellings. */
final class Names {

    static final List<Bilingual> MALE = pairs(
        "محمد", "Mohammad", "أحمد", "Ahmad", "محمود", "Mahmoud", "خالد", "Khaled", "عمر", "Omar",
        "علي", "Ali", "يوسف", "Yousef", "إبراهيم", "Ibrahim", "مصطفى", "Mustafa", "حسن", "Hasan",
        "حسين", "Hussein", "عبد الله", "Abdullah", "عبد الرحمن", "Abdelrahman", "سامي", "Sami", "سعيد", "Saeed",
        "كريم", "Kareem", "ياسر", "Yaser", "رامي", "Rami", "فادي", "Fadi", "باسل", "Basel",
        "طارق", "Tareq", "زياد", "Ziad", "جمال", "Jamal", "نبيل", "Nabil", "ماجد", "Majed",
        "وليد", "Waleed", "هشام", "Hisham", "عماد", "Imad", "نضال", "Nidal", "أيمن", "Ayman",
        "بلال", "Bilal", "حمزة", "Hamza", "أنس", "Anas", "إياد", "Iyad", "صالح", "Saleh",
        "سليمان", "Suleiman", "موسى", "Mousa", "عيسى", "Issa", "فراس", "Firas", "منذر", "Munther");

    static final List<Bilingual> FEMALE = pairs(
        "فاطمة", "Fatima", "عائشة", "Aisha", "مريم", "Maryam", "خديجة", "Khadija", "زينب", "Zainab",
        "آمنة", "Amna", "سارة", "Sara", "ليلى", "Layla", "نور", "Nour", "هدى", "Huda",
        "رنا", "Rana", "ريم", "Reem", "سلمى", "Salma", "دعاء", "Duaa", "أسماء", "Asmaa",
        "إيمان", "Iman", "منى", "Muna", "سميرة", "Samira", "نادية", "Nadia", "هالة", "Hala",
        "لينا", "Lina", "رغد", "Raghad", "جنى", "Jana", "ملك", "Malak", "شهد", "Shahd",
        "بيسان", "Bisan", "دانة", "Dana", "يارا", "Yara", "رهف", "Rahaf", "آية", "Aya",
        "نسرين", "Nisreen", "سهى", "Suha", "وفاء", "Wafaa", "عبير", "Abeer", "حنان", "Hanan",
        "سوسن", "Sawsan", "ختام", "Khitam", "تسنيم", "Tasneem", "رزان", "Razan", "غدير", "Ghadeer");

    static final List<Bilingual> FAMILY = pairs(
        "الخطيب", "Al-Khatib", "المصري", "Al-Masri", "النجار", "Al-Najjar", "الشوا", "Al-Shawwa",
        "الحسيني", "Al-Husseini", "النشاشيبي", "Al-Nashashibi", "الطويل", "Al-Taweel", "البرغوثي", "Al-Barghouti",
        "الشريف", "Al-Sharif", "أبو غزالة", "Abu Ghazaleh", "عودة", "Odeh", "حمدان", "Hamdan",
        "عبد الهادي", "Abdel-Hadi", "الكرمي", "Al-Karmi", "طوقان", "Tuqan", "الشكعة", "Al-Shakaa",
        "الجعبري", "Al-Jaabari", "التميمي", "Al-Tamimi", "القواسمي", "Al-Qawasmi", "الأغا", "Al-Agha",
        "الفرا", "Al-Farra", "أبو شمالة", "Abu Shamala", "السقا", "Al-Saqqa", "الريس", "Al-Rayyes",
        "الحلو", "Al-Helou", "حداد", "Haddad", "خوري", "Khoury", "صباغ", "Sabbagh",
        "عواد", "Awad", "الدجاني", "Al-Dajani", "العلمي", "Al-Alami", "الخالدي", "Al-Khalidi",
        "جرار", "Jarrar", "عبد الشافي", "Abdel-Shafi", "الوزير", "Al-Wazir", "أبو ستة", "Abu Sitta",
        "الصوراني", "Al-Sourani", "شعث", "Shaath", "الكحلوت", "Al-Kahlout", "حلس", "Hilles",
        "أبو عيشة", "Abu Aisha", "دويك", "Dweik", "الهشلمون", "Al-Hashlamoun", "النتشة", "Al-Natsheh",
        "أبو سنينة", "Abu Sneineh", "المحتسب", "Al-Muhtaseb", "الرجبي", "Al-Rajabi", "عمرو", "Amro",
        "سلامة", "Salameh", "زيدان", "Zeidan", "بشارة", "Bishara", "عريقات", "Erekat",
        "الشنطي", "Al-Shanti", "الأسطل", "Al-Astal", "أبو هولي", "Abu Holi", "البطش", "Al-Batsh",
        "الحايك", "Al-Hayek", "مهنا", "Muhanna", "شاهين", "Shaheen", "ياسين", "Yassin");

    static final List<Bilingual> CITIES = pairs(
        "غزة", "Gaza", "رام الله", "Ramallah", "نابلس", "Nablus", "الخليل", "Hebron",
        "بيت لحم", "Bethlehem", "جنين", "Jenin", "طولكرم", "Tulkarm", "قلقيلية", "Qalqilya",
        "أريحا", "Jericho", "طوباس", "Tubas", "سلفيت", "Salfit", "البيرة", "Al-Bireh",
        "خان يونس", "Khan Yunis", "رفح", "Rafah", "دير البلح", "Deir al-Balah", "القدس", "Jerusalem");

    private Names() {
    }

    private static List<Bilingual> pairs(String... arabicThenLatin) {
        Bilingual[] names = new Bilingual[arabicThenLatin.length / 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = new Bilingual(arabicThenLatin[2 * i], arabicThenLatin[2 * i + 1]);
        }
        return List.of(names);
    }
}
