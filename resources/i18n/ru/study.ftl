# study

## People and places (src/ui/index_view.rs)

study-index-title = Люди и места
study-index-filter = Фильтр людей и мест
study-index-people = Люди
study-index-places = Места
study-index-caption-only = { $name } — упоминается только в опущенной подписи
study-index-choose = Выберите человека или место, чтобы узнать, кто или что это, и увидеть все упоминания.
study-index-source-wikidata = Источник: { $source } · Wikidata { $wikidata }
study-index-source = Источник: { $source }
study-index-found-as = Написания: { $spellings }
study-index-mentions-in-texts-and-comparisons = { $count ->
        [one] { $count } упоминание
        [few] { $count } упоминания
       *[many] { $count } упоминаний
    } в { $texts ->
        [one] { $texts } тексте
        [few] { $texts } текстах
       *[many] { $texts } текстах
    } и в { $comparisons ->
        [one] { $comparisons } сравнении
        [few] { $comparisons } сравнениях
       *[many] { $comparisons } сравнениях
    }
study-index-mentions-in-texts = { $count ->
        [one] { $count } упоминание
        [few] { $count } упоминания
       *[many] { $count } упоминаний
    } в { $texts ->
        [one] { $texts } тексте
        [few] { $texts } текстах
       *[many] { $texts } текстах
    }
study-index-another-spelling = Другое написание
study-index-add-spelling = Добавить написание
study-index-add-spelling-tip = Находить этого человека или это место и по такому написанию (сохраняется в вашем профиле)
study-index-comparison-head = Сравнение: { $title } — { $count }
study-index-more-in-comparison = … и ещё { $count }: откройте сравнение, чтобы прочитать их
study-index-add-entity-head = Добавить человека или место
study-index-person = Человек
study-index-place = Место
study-index-name = Имя или название
study-index-spellings = Написания (через запятую)
study-index-russian-forms = Русские формы (* на конце — любые окончания)
study-index-who-or-what = Кто или что это
study-index-entity-source = Источник
study-index-add-entity = Добавить человека или место
study-index-add-entity-tip = Сохраняется в вашем профиле вместе с пометками; нужны имя и описание того, кто или что это
study-index-show-in-panes = Показывать упоминания в открытых панелях
study-index-show-in-panes-tip = Отмечать каждое упоминание выбранного человека или места в открытых текстах

## About this text (src/ui/info_view.rs)

study-info-title = О тексте
study-info-editorial-notes = Редакционные примечания
study-info-editorial-changes = Редакционные изменения
study-info-omitted = Опущено в тексте (как в источнике)
study-info-part = { $part } (с абзаца { $paragraph })
study-info-parts = Части
study-info-context-before = Перед текстом: { $remark }
study-info-context-after = После текста: { $remark }
study-info-context = Редакционные замечания источника до и после текста
study-info-author = Автор
study-info-date = Дата
study-info-kind = Вид
study-info-translator = Переводчик
study-info-collected-works = Собрание сочинений
study-info-russian-original = Русский подлинник
study-info-first-published = Впервые опубликовано
study-info-source-title = Заглавие в источнике
study-info-web-page = Веб-страница
study-info-square-brackets = Квадратные скобки
study-info-square-brackets-value = вставки редактора ({ $editor }), а не слова автора; выделены курсивом
study-info-source = Источник
study-info-licence = Лицензия
study-info-credit = Предоставлено
study-info-language = Язык
study-info-length = Объём
study-info-length-value = { $count ->
        [one] { $count } абзац
        [few] { $count } абзаца
       *[many] { $count } абзацев
    }, { $characters ->
        [one] { $characters } символ
        [few] { $characters } символа
       *[many] { $characters } символов
    }
study-info-id = Идентификатор
study-info-content-hash = Хеш содержимого

## Timeline (src/ui/timeline_view.rs)

study-timeline-title = Хронология
study-timeline-zoom-in = Приблизить
study-timeline-zoom-in-tip = Показать меньше дней (+)
study-timeline-zoom-out = Отдалить
study-timeline-zoom-out-tip = Показать больше дней (−)
study-timeline-show-all = Показать всё
study-timeline-show-all-tip = Документы периода; при повторном нажатии — все записи (и вступление 2022 года)
study-timeline-previous = Предыдущая запись
study-timeline-next = Следующая запись
study-timeline-axis = Ось хронологии
study-timeline-documents = Документы
study-timeline-events = События
study-timeline-none-dated = Ни один текст и ни одно событие не датированы.
study-timeline-document = Документ
study-timeline-event = Событие
study-timeline-dated-day = { $kind }; дата с точностью до дня. Источник: { $source }
study-timeline-dated-range = { $kind }; дата — промежуток в несколько дней. Источник: { $source }
study-timeline-dated-month = { $kind }; дата с точностью до месяца. Источник: { $source }
study-timeline-dated-year = { $kind }; дата с точностью до года. Источник: { $source }
study-timeline-dated-before = { $kind }; дата — ранее определённого дня. Источник: { $source }
study-timeline-open-passage = Открыть фрагмент
study-timeline-open-text = Открыть текст
study-timeline-open-comparison = Открыть сравнение
study-timeline-undated = Не показаны на хронологии (нет даты): { $titles }

## Terms across translations (src/ui/glossary_view.rs)

study-glossary-title = Термины в переводах
study-glossary-show-marks = Отмечать выбранный термин в открытых панелях и в сравнении
study-glossary-choose = Выберите термин, чтобы увидеть варианты его передачи и отметить их в открытых текстах.
study-glossary-source = Источник: { $source }
study-glossary-rendering = Вариант
study-glossary-in-library = В библиотеке
study-glossary-used-in = Где употребляется
study-glossary-endings = Вариант, оканчивающийся на «…», принимает русские падежные окончания.
study-glossary-add-term-head = Добавить термин
study-glossary-concept = Понятие
study-glossary-what-it-is = Что это
study-glossary-term-source = Источник
study-glossary-renderings = Варианты, по одному в строке (ru: федераци* — русский текст)
study-glossary-add-term = Добавить термин
study-glossary-add-term-tip = Сохраняется в вашем профиле вместе с пометками; нужны понятие, его описание и два варианта

## Find in text and Search everything (src/ui/search_view.rs)

study-find-in = Найти в «{ $title }»
study-find-hint = слово или фраза
study-find-preparing = подготовка…
study-find-no-matches = совпадений нет
study-find-current-of = { $current } из { $count }
study-find-matches = { $count ->
        [one] { $count } совпадение
        [few] { $count } совпадения
       *[many] { $count } совпадений
    }
study-whole-words = Слова целиком
study-match-case = Учитывать регистр
study-search-more-in-text = … и ещё { $count }: откройте текст и нажимайте F3, чтобы переходить к ним
study-search-title = Поиск везде
study-search-field = Искать в текстах и заметках
study-search-field-tip = Тексты, заметки и теги пометок, заметки к сравнениям и формулировки сравнений
study-search-also-searched = Учтены также написания: { $spellings }
study-search-also-searched-tip = Другие написания человека или места, названного в запросе, из указателя «Люди и места» (включая ваши собственные)
study-search-empty = Введите слово или фразу: регистр, диакритика, ё/е и переносы строк не важны.
study-search-summary-preparing = { $count ->
        [one] { $count } совпадение
        [few] { $count } совпадения
       *[many] { $count } совпадений
    } в { $texts ->
        [one] { $texts } тексте
        [few] { $texts } текстах
       *[many] { $texts } текстах
    } · { $others } в заметках и сравнениях (часть текстов ещё готовится…)
study-search-summary = { $count ->
        [one] { $count } совпадение
        [few] { $count } совпадения
       *[many] { $count } совпадений
    } в { $texts ->
        [one] { $texts } тексте
        [few] { $texts } текстах
       *[many] { $texts } текстах
    } · { $others } в заметках и сравнениях
study-search-open-text-at-match = Открыть текст на этом совпадении
study-search-show-annotation = Показать эту пометку в её тексте
study-search-open-comparison-at-note = Открыть сравнение на этой заметке
# Also People and places' tooltip on a mention in a comparison.
study-open-comparison-at-segment = Открыть сравнение на этом сегменте

## Library panel (src/ui/library_view.rs)

study-library-heading = Библиотека
study-library-no-match = Ни один текст не подходит под фильтр.
study-library-undated = Без даты
study-library-filter = Фильтр
study-library-filter-hint = название, автор, дата, ссылка…
study-library-comparisons = Сравнения
study-library-open-comparison-tip = Открыть это сравнение формулировок
study-library-beside-full-tip = Открыты три панели: закройте одну, чтобы открыть рядом ещё одну
study-library-beside = Рядом
study-library-beside-name = Открыть рядом: { $title }
study-library-beside-disabled-tip = Открыты три панели: сначала закройте одну
study-library-about = О тексте
study-library-about-name = О тексте: { $title }
study-library-remove = Убрать
study-library-remove-name = Убрать: { $title }
study-library-remove-tip = Убрать этот импортированный текст из библиотеки (ваши пометки к нему сохранятся; это действие можно отменить)
study-library-open-mark = • открыт

## Restore from backup (src/ui/backups_view.rs)

study-backups-previous-save = Предыдущее сохранение, { $date }
study-backups-title = Восстановление из резервной копии
study-backups-about = Lectern хранит снимки всей вашей тетради: последние десять сохранений, сделанных с промежутком не менее десяти минут, и по одному в день за тридцать дней. Восстановление из копии — одно изменение, при котором ничего не теряется: пометки и заметки к сравнениям, которых нет в копии, попадают в Корзину, всё остальное, что вы сделали с тех пор, сохраняется, а команда «Отменить» отменяет восстановление целиком.
study-backups-none = Резервных копий пока нет.
study-backups-unreadable = не удаётся прочитать: { $reason }

## Start screen (src/ui/welcome.rs)

study-welcome-heading = Пока ничего не открыто
study-welcome-click-title = Щёлкните название в библиотеке, чтобы читать текст здесь.
study-welcome-beside = Кнопка «Рядом» открывает второй или третий текст рядом с первым.
study-welcome-keys = Ctrl+L переводит фокус в фильтр библиотеки; Enter открывает первый подходящий текст, Ctrl+Enter открывает его рядом.
study-welcome-invitation = Или начните с главного сравнения этого корпуса:

study-source-the-reader = ваша собственная запись
