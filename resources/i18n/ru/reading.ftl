# reading

## src/ui/annotations_view/mod.rs

reading-annotations-heading = Пометки
reading-annotations-hint = Выделите фрагмент: H или 1–6 — выделить цветом, N — написать заметку.
reading-filter-open-texts = Открытые тексты
reading-filter-all-texts = Все тексты
reading-filter-search-notes = Поиск по заметкам
reading-filter-all-categories = Все категории
reading-filter-category = Категория:
reading-filter-all-tags = Все теги
reading-filter-tag = Тег:
reading-filter-text = Текст:
reading-shown-count = Показано: { $count }
reading-export-shown = Экспортировать показанные

## src/ui/annotations_view/editor.rs

reading-editor-note = Заметка
reading-editor-tags = Теги (через запятую)
reading-diverged-heading = Изменена на двух устройствах одновременно
reading-diverged-explained = Эту заметку изменили на двух устройствах, пока они не были синхронизированы. Выше — более поздний вариант, ниже — другой. Пока вы не выберете, ничего не потеряется.
reading-diverged-device = Устройство { $device }
reading-diverged-other-version = Другой вариант, изменён { $when }
reading-diverged-empty-note = (пустая заметка)
reading-diverged-keep-this = Оставить этот
reading-diverged-keep-this-tip = Сделать заметкой этот текст
reading-diverged-keep-both = Оставить оба
reading-diverged-keep-both-tip = Добавить этот текст после заметки
reading-diverged-keep-above = Оставить верхний вариант
reading-no-category = Без категории
reading-editor-category = Выделение:
reading-tag-suggestions = Добавить:
reading-editor-save-note = Сохранить заметку
reading-editor-delete-name = Удалить пометку

## src/ui/annotations_view/extras.rs

reading-categories-heading = Категории
reading-category-name-field = Название категории { $number }
reading-category-remove-name = Удалить категорию { $number }
reading-category-remove = Удалить
reading-category-in-use = Её используют пометки: сначала назначьте им другую категорию
reading-category-add = Добавить категорию
reading-category-new-name = Категория { $number }
reading-comparison-notes-heading = Заметки к сравнениям ({ $count })
reading-comparison-notes-empty = Перейдите к расхождению в сравнении (F7) и напишите к нему заметку.
reading-comparison-note-show = Показать в сравнении
reading-comparison-note-show-tip = Открыть сравнение на этой заметке

## src/ui/annotations_view/list.rs

reading-entry-name = Пометка: { $passage }
reading-entry-diverged = изменена на двух устройствах: выберите заметку
reading-orphans-heading = Потерянные пометки ({ $count })
reading-orphans-hint = Их фрагмент изменился до неузнаваемости. Выделите нужный фрагмент и привяжите к нему пометку.
reading-trash-heading = Корзина ({ $count })
reading-trash-restore-name = Восстановить: { $passage }
reading-trash-restore-note-name = Восстановить заметку: { $note }

## src/ui/dialogs.rs

reading-dialog-open-text-title = Открыть текстовый файл
reading-dialog-filter-text = Текст
reading-dialog-filter-tei = Сличение TEI
reading-dialog-filter-all = Все файлы
reading-dialog-open-unavailable = Для команды «Открыть файл…» нужно окно выбора файла, а в этой среде рабочего стола его нет (установите xdg-desktop-portal или zenity); из командной строки файл открывается так: `lectern --open-file FILE`.
reading-dialog-not-written = Не удалось записать { $path }: { $error }
reading-dialog-import-annotations-unavailable = Для импорта нужно окно выбора файла, а в этой среде рабочего стола его нет; из командной строки пометки импортируются так: `lectern import-annotations FILE`.
reading-dialog-import-annotations-title = Импортировать пометки
reading-dialog-filter-w3c = Пометки W3C Web Annotation
reading-dialog-reference-unavailable = Чтобы прочитать файл ссылки, нужно окно выбора файла, а в этой среде рабочего стола его нет; вставьте запись в поле.
reading-dialog-reference-title = Библиографическая запись импортируемого текста
reading-dialog-filter-reference = CSL-JSON или BibTeX
reading-dialog-not-read = Не удалось прочитать { $path }: { $error }.
reading-dialog-import-text-unavailable = Для импорта нужно окно выбора файла, а в этой среде рабочего стола его нет; перетащите файл в окно или воспользуйтесь командой `lectern import FILE`.
reading-dialog-import-text-title = Импортировать текст
reading-dialog-filter-import-text = Текст, Markdown, веб-страница, EPUB или PDF

## src/ui/desk.rs

reading-pane-close-name = Закрыть панель { $number }
reading-pane-linked = Связана
reading-pane-link = Связать
reading-pane-link-name = Синхронная прокрутка панели { $number }
reading-pane-move-right-name = Переместить панель { $number } вправо
reading-pane-move-left-name = Переместить панель { $number } влево
reading-pane-parts = Части
reading-pane-info-name = О тексте в панели { $number }
reading-pane-info-menu-tip = Сведения о тексте, его части, перемещение панели

## src/ui/reader/pane.rs

reading-pane-document-name = Панель чтения { $number }: { $title }
reading-editorial-note = В квадратных скобках — вставка редактора ({ $editor }), а не слова автора ({ $author })

## src/ui/reader/pane_menus.rs

reading-menu-highlight-in = Выделить: { $name }
reading-menu-change-category = Изменить категорию
reading-menu-edit-note = Изменить заметку…
reading-menu-write-note = Написать заметку…
reading-menu-copy-with-citation = Копировать со ссылкой
reading-menu-delete-highlight = Удалить выделение
reading-toolbar-highlight-as = Выделить в категории «{ $name }»
reading-toolbar-highlight-as-tip = Выделить в категории «{ $name }» ({ $key })
reading-toolbar-note = Заметка
